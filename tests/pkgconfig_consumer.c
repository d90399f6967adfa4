/* An external program that knows libgreenidx only through pkg-config. */
#include <stdio.h>
#include <string.h>
#include <greenidx/greenidx.h>

int main(void)
{
    double A[4] = { 1.0, 2.0, 2.0, 4.0 }, b[2] = { 1.0, 2.0 }, x[2];
    gidx_status rc;
    if (gidx_version_number() != GIDX_VERSION_NUMBER) {
        fprintf(stderr, "FAIL: header %d, library %d\n", GIDX_VERSION_NUMBER, gidx_version_number());
        return 1;
    }
    rc = gidx_linalg_solve(x, A, b, 2);
    if (rc != GIDX_ESINGULAR || strstr(gidx_error_last()->message, "singular") == NULL) {
        fprintf(stderr, "FAIL: expected GIDX_ESINGULAR, got %d (%s)\n", rc, gidx_error_last()->message);
        return 1;
    }
    printf("ok: libgreenidx %s via pkg-config; singular solve -> %s\n",
           gidx_version_string(), gidx_strerror(rc));
    return 0;
}
