#!/usr/bin/python3
# Independent computation of reference values for tests/check_data.c from the
# raw Telemark files (data/telemark/), with Python's csv module only: no code
# shared with libgreenidx. Run from the source root:
#   /usr/bin/python3 tests/data/data/reference_sums.py
import csv
from collections import defaultdict

ghg = defaultdict(float)
sector = defaultdict(float)
with open('data/telemark/ghg_emissions_by_source.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        ghg[(r['Kommune'], r['År'])] += float(r['Utslipp'])
        sector[(r['Kommune'], r['År'], r['Sektor'])] += float(r['Utslipp'])
pop = {}
with open('data/telemark/population.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        pop[(r['region'], r['år'])] = int(r['value'])
emp = defaultdict(int)
with open('data/telemark/employment_by_industry.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        emp[(r['region'], r['år'])] += int(r['value'])
el = {}
with open('data/telemark/electricity_use.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        el[(r['Kommune'], r['Forbrukergruppe'], r['År'])] = float(r['Verdi'])

print('Skien ghg_total 2009 = %.2f' % ghg[('Skien', '2009')])
print('Skien ghg_total 2023 = %.2f' % ghg[('Skien', '2023')])
print('Skien ghg_road 2023 = %.2f' % sector[('Skien', '2023', 'Veitrafikk')])
print('Porsgrunn ghg_total 2015 = %.2f' % ghg[('Porsgrunn', '2015')])
print('Porsgrunn ghg_industry 2015 = %.2f' % sector[('Porsgrunn', '2015', 'Industri, olje og gass')])
print('Vinje ghg_total 2011 = %.2f' % ghg[('Vinje', '2011')])
print('Skien population 2023 = %d' % pop[('Skien', '2023')])
print('Skien population 2009 = %d' % pop[('Skien', '2009')])
print('Telemark population 2023 = %d' % sum(v for (k, y), v in pop.items() if y == '2023'))
print('Telemark ghg_total 2023 = %.2f' % sum(v for (k, y), v in ghg.items() if y == '2023'))
print('Midt-Telemark employment_total 2022 = %d' % emp[('Midt-Telemark', '2022')])
print('Porsgrunn electricity_total 2021 = %.1f' % el[('Porsgrunn', 'I alt', '2021')])
print('Skien ghg_total per capita 2023 = %.6f' % (ghg[('Skien', '2023')] / pop[('Skien', '2023')]))
