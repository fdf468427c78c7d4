using System.Reflection;

namespace CommunityModel.Tests.Errors;

public class ErrorCodesTests
{
    [Fact]
    public void Error_codes_are_unique_dotted_lower_case_names()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(\\.[a-z_]+)+$", c));
    }

    [Fact]
    public void Every_exception_of_the_package_derives_from_the_root_and_carries_a_known_code()
    {
        var known = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var exceptions = typeof(CommunityModelException).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t))
            .ToArray();

        Assert.All(exceptions, t => Assert.True(typeof(CommunityModelException).IsAssignableFrom(t), $"{t.Name} is outside the hierarchy"));
        Assert.Equal(ErrorCodes.UnknownCurrency, new UnknownCurrencyException("RMB").ErrorCode);
        Assert.Equal(ErrorCodes.CurrencyMismatch, new CurrencyMismatchException(Currency.CNY, Currency.USD, "add").ErrorCode);
        Assert.Equal(ErrorCodes.AmountOverflow, new AmountOverflowException("add", Currency.CNY).ErrorCode);
        Assert.Equal(ErrorCodes.AmountPrecision, new AmountPrecisionException(1.001m, Currency.CNY).ErrorCode);
        Assert.Equal(ErrorCodes.InvalidAllocation, new InvalidAllocationException("x").ErrorCode);
        Assert.Contains(new UnknownCurrencyException("RMB").ErrorCode, known);
        Assert.Throws<ArgumentException>(() => new CommunityModelException(" ", "message"));
    }
}
