using System.Collections.Immutable;
using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

/// <summary>
/// A stored membership stream that was tampered with or corrupted must not replay into money the desk never decided: every
/// amount is re-checked as strictly as the desk checks it live, and the refusal names the event's index.
/// </summary>
public class MembershipForgedReplayTests
{
    private static readonly MemberId Alice = 7;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly ImmutableArray<IMembershipEvent> _history;

    public MembershipForgedReplayTests()
    {
        var desk = new MembershipDesk(SeedBusiness.CreatePlan(), _clock);
        var events = ImmutableArray.CreateBuilder<IMembershipEvent>();
        var vip = desk.Purchase(Alice, SeedBusiness.Vip);
        events.AddRange(vip.Events);
        _clock.Advance(TimeSpan.FromDays(10));
        var ka = desk.Upgrade(vip.Membership, SeedBusiness.Ka);
        events.AddRange(ka.Events);
        _clock.Advance(TimeSpan.FromDays(2));
        events.AddRange(desk.Refund(ka.Membership).Events);
        _history = events.ToImmutable();
    }

    [Fact]
    public void The_genuine_history_replays_with_its_credit_and_refund()
    {
        var membership = Membership.Replay(_history);

        Assert.Equal(MembershipStatus.Refunded, membership.Status);
        Assert.Contains(_history, e => e is UpgradeCredited { Credit.IsPositive: true });
        Assert.Contains(_history, e => e is MembershipUpgraded { CreditApplied.IsPositive: true });
    }

    public static TheoryData<string> Forgeries => [.. Forge.Keys];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_amount_is_refused_at_its_index_and_names_what_is_wrong(string forgery)
    {
        var (index, forged, words) = Forge[forgery](_history);
        var events = _history.SetItem(index, forged);

        var error = Assert.Throws<ReplayException>(() => Membership.Replay(events));

        Assert.Equal(ErrorCodes.EventOutOfOrder, error.ErrorCode);
        Assert.Equal(index, error.Index);
        Assert.Same(forged, error.Event);
        Assert.Contains(words, error.Problem, StringComparison.Ordinal);
    }

    private static int IndexOf<T>(ImmutableArray<IMembershipEvent> events) where T : IMembershipEvent =>
        events.IndexOf(events.First(e => e is T));

    private static readonly Dictionary<string, Func<ImmutableArray<IMembershipEvent>, (int, IMembershipEvent, string)>> Forge = new()
    {
        ["negative purchase"] = h => At<MembershipPurchased>(h, p => p with { Paid = Money.Cny(-3600m) }, "is negative"),
        ["purchase in another currency"] = h => At<MembershipPurchased>(h, p => p with { CreditApplied = new Money(1m, Currency.USD) }, "not in the membership's currency"),
        ["credit applied to a first purchase"] = h => At<MembershipPurchased>(h, p => p with { CreditApplied = Money.Cny(100m) }, "of credit"),
        ["credit above the terms' worth"] = h => At<UpgradeCredited>(h, c => c with { Credit = Money.Cny(100_000m) }, "at most what the terms are worth"),
        ["negative credit"] = h => At<UpgradeCredited>(h, c => c with { Credit = Money.Cny(-1m) }, "is negative"),
        ["upgrade charge that does not make up the price"] = h => At<MembershipUpgraded>(h, u => u with { Charged = u.Charged - Money.Cny(1m) }, "make up the price"),
        ["upgrade applying more credit than held"] = h => At<MembershipUpgraded>(h, u => u with { CreditApplied = u.CreditApplied + Money.Cny(1m), Price = u.Price + Money.Cny(1m) }, "of credit"),
        ["refund above what was paid"] = h => At<MembershipRefunded>(h, f => f with { Amount = Money.Cny(1_000_000m) }, "left of what was paid"),
        ["negative refund"] = h => At<MembershipRefunded>(h, f => f with { Amount = Money.Cny(-5m) }, "is negative"),
        ["entitlement of no units"] = h => At<EntitlementGranted>(h, g => g with { Quantity = 0 }, "a quota is at least 1"),
        ["entitlement of negative value"] = h => At<EntitlementGranted>(h, g => g with { UnitValue = Money.Cny(-1m) }, "is negative"),
        ["promoter discount above 100%"] = h => (1, new PromoterRightsGranted(Alice, SeedBusiness.Vip, Rate.FromPercent(150), h[0].OccurredAt), "between 0% and 100%"),
        ["negative promoter rights payment"] = h => (1, new PromoterRightsGranted(Alice, SeedBusiness.Vip, Rate.FromPercent(5), h[0].OccurredAt, Money.Cny(-1m)), "is negative"),
    };

    private static (int, IMembershipEvent, string) At<T>(ImmutableArray<IMembershipEvent> history, Func<T, T> forge, string words) where T : IMembershipEvent
    {
        var index = IndexOf<T>(history);
        return (index, forge((T)history[index]), words);
    }
}
