using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Referrals;

public class SponsorHistoryTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Day0);

    private static DateTimeOffset Day(int day) => Day0.AddDays(day);

    private ReferralNetwork Network(ReferralOptions? options = null)
    {
        var network = new ReferralNetwork(options ?? new ReferralOptions { Mode = ReferralBindingMode.LatestReferralOverrides }, _clock);
        foreach (var m in new long[] { 1, 2, 3, 4 })
        {
            network.Register(m);
        }

        return network;
    }

    [Fact]
    public void The_network_keeps_every_binding_and_reassignment_with_its_time_and_tells_the_sponsor_at_any_time_since()
    {
        var network = Network();
        _clock.SetUtcNow(Day(3));
        network.Bind(4, 1);
        _clock.SetUtcNow(Day(10));
        network.Reassign(4, 2, "moved to the right team");
        _clock.SetUtcNow(Day(12));
        network.Bind(3, 1);

        var history = network.SponsorChangesSince(Day(1));
        var end = network.Snapshot();

        Assert.Equal<SponsorChange>([new SponsorChange(4, 1, default, Day(3)), new SponsorChange(4, 2, 1, Day(10)), new SponsorChange(3, 1, default, Day(12))], history.Changes);
        Assert.Equal(Day(1), history.Since);
        Assert.Equal(
            [default, new MemberId(1), new MemberId(1), new MemberId(2), new MemberId(2)],
            new[] { Day(2), Day(3), Day(9), Day(10), Day(31) }.Select(t => history.SponsorAt(end, 4, t)));
        Assert.True(history.Changed(3));
        Assert.False(history.TryGetSponsorAt(2, Day(5), out _));
        Assert.Equal(default, history.SponsorAt(end, 2, Day(5)));
        Assert.Equal<SponsorChange>([new SponsorChange(3, 1, default, Day(12))], network.SponsorChangesSince(Day(11)).Changes);
    }

    [Fact]
    public void A_replayed_network_has_the_same_binding_history()
    {
        var network = Network();
        var events = new List<IDomainEvent> { network.Register(5), network.Register(6, 5) };
        _clock.SetUtcNow(Day(4));
        events.Add(network.Bind(6, 1));
        _clock.SetUtcNow(Day(6));
        events.Add(network.Reassign(6, default, "left the team"));

        var replayed = ReferralNetwork.Replay([.. new long[] { 1, 2, 3, 4 }.Select(m => new MemberRegistered(m, default, Day0)), .. events], new ReferralOptions(), _clock);

        Assert.Equal<SponsorChange>(network.SponsorChangesSince(Day0).Changes, replayed.SponsorChangesSince(Day0).Changes);
        Assert.Equal<SponsorChange>([new SponsorChange(6, 1, 5, Day(4)), new SponsorChange(6, default, 1, Day(6))], replayed.SponsorChangesSince(Day0).Changes);
    }

    [Fact]
    public void A_history_cannot_tell_a_sponsor_before_its_start()
    {
        var history = Network().SponsorChangesSince(Day(1));

        var error = Assert.Throws<ReferralException>(() => history.TryGetSponsorAt(4, Day0, out _));

        Assert.Equal(ErrorCodes.ReferralBeforeHistory, error.ErrorCode);
        Assert.Equal(new MemberId(4), error.Member);
    }

    [Theory]
    [InlineData(0, "names no member")]
    [InlineData(1, "bound to itself")]
    [InlineData(2, "before the history's start")]
    [InlineData(3, "starts from sponsor 2, but its previous change left it with 1")]
    [InlineData(4, "earlier than its previous change")]
    public void A_malformed_history_is_refused_naming_the_change(int defect, string problem)
    {
        SponsorChange[] changes = defect switch
        {
            0 => [new(default, 1, default, Day(2))],
            1 => [new(4, 4, default, Day(2))],
            2 => [new(4, 1, default, Day0)],
            3 => [new(4, 1, default, Day(2)), new(4, 3, 2, Day(3))],
            _ => [new(4, 1, default, Day(3)), new(4, 2, 1, Day(2))],
        };

        var error = Assert.Throws<ReferralException>(() => SponsorHistory.Create(Day(1), changes));

        Assert.Equal(ErrorCodes.ReferralHistoryInvalid, error.ErrorCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_history_knows_no_change_at_any_time()
    {
        Assert.False(SponsorHistory.Empty.TryGetSponsorAt(1, DateTimeOffset.MinValue, out var sponsor));
        Assert.Equal(default, sponsor);
        Assert.Empty(SponsorHistory.Empty.Changes);
    }
}
