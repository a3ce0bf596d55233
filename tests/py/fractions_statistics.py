from fractions import Fraction
import statistics
print(Fraction(3, 4) + Fraction(1, 6), Fraction('0.125'), Fraction(0.1).limit_denominator(100), Fraction(-7, 3) // 2)
print(Fraction(1, 3) ** 2, Fraction(2, 3) ** -2, round(Fraction(7, 2)), float(Fraction(1, 8)), Fraction(5, 10).as_integer_ratio())
from decimal import Decimal
print(Fraction(Decimal('1.25')), Fraction(3, 4) < 1, Fraction(1, 2) == 0.5, hash(Fraction(1, 2)) == hash(0.5))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    Fraction('x')
except ValueError as e:
    print('ValueError', e)
data = [2.5, 3.25, 5.5, 11.25, 11.75]
print(statistics.mean(data), statistics.median(data), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.mode([1, 1, 2, 3]), statistics.multimode('aabbbccddd'), statistics.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(statistics.mean([Decimal('0.5'), Decimal('0.75')]), statistics.fmean([1, 2, 3, 4]), statistics.geometric_mean([54, 24, 36]))
print(statistics.harmonic_mean([40, 60]), statistics.median_grouped([52, 52, 53, 54]), statistics.quantiles(range(1, 11), n=4))
print(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 8]), statistics.covariance([1, 2, 3], [1, 3, 2]), statistics.linear_regression([1, 2, 3], [2, 4, 7]))
nd = statistics.NormalDist(100, 15)
print(nd.cdf(115), nd.inv_cdf(0.5), nd.pdf(100), round(nd.overlap(statistics.NormalDist(110, 15)), 12), nd * 2)
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print('StatisticsError', e)
