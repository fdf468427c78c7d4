namespace CommunityModel.Orleans.Members;

/// <summary>A member's commission balance in minor units of the ledger's currency, as <see cref="Commissions.Ledger.CommissionBalance"/> gives it.</summary>
/// <param name="Member">The member.</param>
/// <param name="Pending">Accrued, still frozen.</param>
/// <param name="Available">Free to withdraw (negative after refunds of commission already paid out).</param>
/// <param name="Withdrawing">Requested, not yet paid or rejected.</param>
/// <param name="PaidOut">Withdrawn and paid.</param>
/// <param name="FeesPaid">Withdrawal fees paid.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.account-balance")]
public sealed record AccountBalance(
    [property: Id(0)] long Member,
    [property: Id(1)] long Pending,
    [property: Id(2)] long Available,
    [property: Id(3)] long Withdrawing,
    [property: Id(4)] long PaidOut,
    [property: Id(5)] long FeesPaid)
{
    /// <summary>The carried form of a ledger balance.</summary>
    /// <param name="balance">The balance.</param>
    /// <returns>Its amounts in minor units.</returns>
    public static AccountBalance From(Commissions.Ledger.CommissionBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return new(balance.Member.Value, balance.Pending.MinorUnits, balance.Available.MinorUnits, balance.Withdrawing.MinorUnits, balance.PaidOut.MinorUnits, balance.FeesPaid.MinorUnits);
    }
}
