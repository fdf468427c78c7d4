using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Referrals;

namespace CommunityModel.Orleans.Tests;

/// <summary>The same operations on one machine: one referral network, the plan's calculator and one commission ledger.</summary>
internal sealed class ReferenceCommunity
{
    public ReferralNetwork Network { get; } = new(new ReferralOptions(), TimeProvider.System);

    public CommissionLedger Ledger { get; } = new(ClusterFixture.LedgerOptions, TimeProvider.System);

    public void Register(long member, long sponsor) => Network.Register(member, sponsor == 0 ? default(MemberId) : new MemberId(sponsor));

    public void Pay(string orderId, long buyer, long amount)
    {
        var order = new CommissionableOrder(orderId, buyer, Money.FromMinorUnits(amount, Currency.CNY)) { PaidAt = DateTimeOffset.UtcNow };
        Ledger.Accrue(ClusterFixture.Calculator.Calculate(order, EarnerRoster.AllActive(Network.Snapshot())), order.PaidAt!.Value);
    }

    public long Available(long member) => Ledger.BalanceOf(member).Available.MinorUnits;
}
