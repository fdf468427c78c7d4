using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>Listings of the ledger come in a stable order (members, then ids, ordinal), whatever order the events came in.</summary>
public class ReferralCreditsOrderTests
{
    private readonly FakeTimeProvider _clock = new(CreditsFixture.Start);

    [Fact]
    public void Accounts_expiries_and_snapshots_list_by_member_and_id_not_by_arrival()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Earn(new ReferredOrder(5, 6, "o-2", "vip", Money.Cny(3600m)));
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(3600m)));
        ledger.Redeem(5, "x-2", "trial-class");
        ledger.Redeem(1, "x-1", "trial-class");
        ledger.Reverse("o-2", "r-2", Money.Cny(100m));
        ledger.Reverse("o-2", "r-1", Money.Cny(100m));
        ledger.Reverse("o-1", "r-1", Money.Cny(100m));

        var snapshot = ledger.ToSnapshot();
        _clock.Advance(TimeSpan.FromDays(365));
        var expiries = ledger.DecideExpiry().Events;

        Assert.Equal(["1", "5"], ledger.Accounts.Select(a => a.Member.ToString()));
        Assert.Equal(["1", "5"], snapshot.Accounts.Select(a => a.Member.ToString()));
        Assert.Equal(["o-1", "o-2"], snapshot.Earnings.Select(e => e.OrderId));
        Assert.Equal(["x-1", "x-2"], snapshot.Redemptions.Select(r => r.RedemptionId));
        Assert.Equal([("r-1", "o-1"), ("r-1", "o-2"), ("r-2", "o-2")], snapshot.Reversals.Select(r => (r.RefundId, r.OrderId)));
        Assert.Equal([("1", "o-1"), ("5", "o-2")], expiries.Cast<CreditsExpired>().Select(x => (x.Member.ToString(), x.OrderId)));
    }
}
