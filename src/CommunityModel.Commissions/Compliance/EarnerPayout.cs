namespace CommunityModel.Commissions.Compliance;

/// <summary>What one earner was paid in a run, against its own sales.</summary>
/// <param name="Member">The earner.</param>
/// <param name="OwnSales">Sales attributed to the earner itself (see <see cref="PayoutSummary"/>).</param>
/// <param name="Paid">Total commission paid to it.</param>
public sealed record EarnerPayout(MemberId Member, Money OwnSales, Money Paid)
{
    /// <summary>Paid ÷ own sales; <see langword="null"/> when it has no own sales.</summary>
    public Rate? PayoutRatio => OwnSales.IsZero ? null : Rate.Of(Paid, OwnSales);
}
