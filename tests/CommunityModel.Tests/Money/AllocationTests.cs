namespace CommunityModel.Tests;

public class AllocationTests
{
    [Fact]
    public void One_hundred_yuan_into_seven_parts_gives_the_four_leftover_fen_to_the_first_four()
    {
        // 10,000 fen / 7 = 1,428 remainder 4: every exact share is 1,428.571…; ties go to the earlier parts.
        var parts = Money.Cny(100m).Split(7);

        Assert.Equal(
            [14.29m, 14.29m, 14.29m, 14.29m, 14.28m, 14.28m, 14.28m],
            parts.Select(p => p.Amount));
        Assert.Equal(Money.Cny(100m), Money.Sum(parts, Currency.CNY));
    }

    [Fact]
    public void Fowlers_five_cents_by_three_to_seven()
    {
        // Exact shares 1.5 and 3.5 cents: both remainders are one half, so the tie goes to the first part.
        var parts = Money.Usd(0.05m).Allocate([3L, 7L]);

        Assert.Equal<Money>([Money.Usd(0.02m), Money.Usd(0.03m)], parts);
    }

    [Fact]
    public void A_VIP_price_is_allocated_over_unequal_standalone_prices_to_the_fen()
    {
        // VIP 3,600 over online courses 1,999, community service 1,299, a two-day offline course 2,980 (à la carte 6,278).
        // Exact shares: 1,146.2886…, 744.8869…, 1,708.8244…; floors sum to 3,599.98, so the two leftover fen go
        // to the two largest remainders (0.8627 and 0.6907 fen), the online courses and the community service.
        var parts = Money.Cny(3600m).Allocate([Money.Cny(1999m), Money.Cny(1299m), Money.Cny(2980m)]);

        Assert.Equal<Money>([Money.Cny(1146.29m), Money.Cny(744.89m), Money.Cny(1708.82m)], parts);
    }

    [Fact]
    public void A_KA_price_over_its_200000_a_la_carte_contents_splits_exactly_at_sixty_percent()
    {
        // KA 120,000 = 60% of à la carte 200,000 (VIP contents 3,600 + back-end courses 40,000, 50,000, 60,000, 46,400).
        var parts = Money.Cny(120_000m).Allocate([3_600m, 40_000m, 50_000m, 60_000m, 46_400m]);

        Assert.Equal<Money>(
            [Money.Cny(2_160m), Money.Cny(24_000m), Money.Cny(30_000m), Money.Cny(36_000m), Money.Cny(27_840m)],
            parts);
    }

    [Fact]
    public void A_refund_splits_exactly_like_the_payment_it_mirrors()
    {
        var payment = Money.Cny(100m).Split(7);
        var refund = Money.Cny(-100m).Split(7);

        Assert.Equal<Money>(payment.Select(p => -p), refund);
    }

    [Fact]
    public void Zero_weights_get_nothing_and_fractional_weights_are_exact()
    {
        var parts = Money.Cny(10m).Allocate([0m, 0.1m, 0.2m, 0m]);

        Assert.Equal<Money>([Money.Cny(0m), Money.Cny(3.33m), Money.Cny(6.67m), Money.Cny(0m)], parts);
    }

    [Fact]
    public void Allocation_errors_name_what_was_wrong()
    {
        var amount = Money.Cny(100m);

        Assert.Contains("no weights", Assert.Throws<InvalidAllocationException>(() => amount.Allocate(ReadOnlySpan<decimal>.Empty)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidAllocationException>(() => amount.Allocate(ReadOnlySpan<long>.Empty));
        var negative = Assert.Throws<InvalidAllocationException>(() => amount.Allocate([1m, -3m]));
        Assert.Contains("Weight 1 is -3", negative.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidAllocation, negative.ErrorCode);
        Assert.Throws<InvalidAllocationException>(() => amount.Allocate([5L, -1L]));
        Assert.Contains("All 2 weight(s) are zero", Assert.Throws<InvalidAllocationException>(() => amount.Allocate([0m, 0m])).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidAllocationException>(() => amount.Allocate([0L, 0L, 0L]));
        Assert.Throws<InvalidAllocationException>(() => amount.Split(0));
        Assert.Throws<InvalidAllocationException>(() => amount.Split(-2));
        Assert.Throws<CurrencyMismatchException>(() => amount.Allocate([Money.Cny(1m), Money.Usd(1m)]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(100, [1L, 2L], new long[3]));
        Assert.Throws<InvalidAllocationException>(() => LargestRemainder.Split(100, Span<long>.Empty));
    }

    [Fact]
    public void The_span_core_handles_more_parts_than_fit_on_the_stack()
    {
        var weights = Enumerable.Range(0, 1000).Select(i => (long)(i % 7)).ToArray();
        var parts = new long[weights.Length];

        LargestRemainder.Allocate(1_000_003, weights, parts);

        Assert.Equal(1_000_003, parts.Sum());
        Assert.All(parts.Where((_, i) => weights[i] == 0), p => Assert.Equal(0, p));
    }

    [Fact]
    public void Extreme_totals_and_weights_stay_exact()
    {
        var parts = new long[3];
        LargestRemainder.Allocate(long.MinValue, [long.MaxValue, long.MaxValue, 1], parts);
        Assert.Equal(long.MinValue, parts.Aggregate(0L, (a, b) => unchecked(a + b)));
        Assert.Equal((Int128)long.MinValue, parts.Aggregate(Int128.Zero, (a, b) => a + b));

        var huge = Money.FromMinorUnits(long.MaxValue, Currency.CNY).Allocate([decimal.MaxValue, 1m, 0.0000000000000000000000000001m]);
        Assert.Equal((Int128)long.MaxValue, huge.Aggregate(Int128.Zero, (a, m) => a + m.MinorUnits));
    }
}
