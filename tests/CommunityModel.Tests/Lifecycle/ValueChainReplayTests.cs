using CommunityModel.Lifecycle;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Lifecycle;

public class ValueChainReplayTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ValueChain _chain;
    private readonly MemberTransitioned[] _history;
    private readonly LifecycleState _live;

    public ValueChainReplayTests()
    {
        _chain = new ValueChain(new ValueChainOptions(), _time);
        var start = _chain.Start(500);
        _time.Advance(TimeSpan.FromDays(2));
        var fan = _chain.Fire(start.State, LifecycleTrigger.TookLeadProduct);
        _time.Advance(TimeSpan.FromDays(2));
        var member = _chain.Fire(fan.State, LifecycleTrigger.BoughtGiftPack);
        _time.Advance(TimeSpan.FromDays(2));
        var suspended = _chain.Fire(member.State, LifecycleTrigger.Suspended, "spam");
        var reinstated = _chain.Fire(suspended.State, LifecycleTrigger.Reinstated);
        _history = [start.Event, fan.Event, member.Event, suspended.Event, reinstated.Event];
        _live = reinstated.State;
    }

    [Fact]
    public void Replay_rebuilds_stage_version_and_entry_times()
    {
        var replayed = _chain.Replay(_history);

        Assert.Equal(_live, replayed);
        Assert.Equal(LifecycleStage.Member, replayed.Stage);
        Assert.Equal(5, replayed.Version);
        Assert.Equal<KeyValuePair<LifecycleStage, DateTimeOffset>>(_live.FirstEntries, replayed.FirstEntries);
        Assert.Equal(_live, _chain.Replay((IEnumerable<MemberTransitioned>)_history));
        Assert.Same(_live, _chain.Replay(_live, ReadOnlySpan<MemberTransitioned>.Empty));
    }

    [Fact]
    public void An_out_of_order_event_is_rejected_by_its_version()
    {
        MemberTransitioned[] swapped = [_history[0], _history[2], _history[1]];

        var error = Assert.Throws<ReplayException>(() => _chain.Replay(swapped));

        Assert.Equal(ErrorCodes.LifecycleReplayMismatch, error.ErrorCode);
        Assert.Equal(1, error.Index);
        Assert.Same(swapped[1], error.Event);
        Assert.Contains("(replaying member 500)", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 3 follows version 1 (expected 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_from_the_wrong_stage_is_rejected()
    {
        MemberTransitioned[] wrong = [_history[0], _history[1] with { From = LifecycleStage.Customer }];

        Assert.Contains("starts from Customer but the member is Prospect", Assert.Throws<ReplayException>(() => _chain.Replay(wrong)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_of_another_member_is_rejected()
    {
        MemberTransitioned[] wrong = [_history[0], _history[1] with { Member = 501 }];

        Assert.Contains("belongs to member 501", Assert.Throws<ReplayException>(() => _chain.Replay(wrong)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_whose_destination_the_lifecycle_does_not_define_is_rejected()
    {
        MemberTransitioned[] wrongTo = [_history[0], _history[1] with { To = LifecycleStage.Member }];
        MemberTransitioned[] wrongReturn = [.. _history[..4], _history[4] with { To = LifecycleStage.Partner }];
        MemberTransitioned[] notPermitted = [_history[0], _history[1] with { Trigger = LifecycleTrigger.MembershipExpired }];

        Assert.Contains("TookLeadProduct from Prospect leads to Fan, not Member", Assert.Throws<ReplayException>(() => _chain.Replay(wrongTo)).Message, StringComparison.Ordinal);
        Assert.Contains("leads to Member, not Partner", Assert.Throws<ReplayException>(() => _chain.Replay(wrongReturn)).Message, StringComparison.Ordinal);
        Assert.Contains("MembershipExpired is not permitted from Prospect", Assert.Throws<ReplayException>(() => _chain.Replay(notPermitted)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_must_start_with_the_registration_and_have_no_holes()
    {
        Assert.Contains("starts with the registration", Assert.Throws<ReplayException>(() => _chain.Replay(_history[1..])).Message, StringComparison.Ordinal);
        Assert.Contains("no events", Assert.Throws<ReplayException>(() => _chain.Replay(ReadOnlySpan<MemberTransitioned>.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("no events", Assert.Throws<ReplayException>(() => _chain.Replay(Enumerable.Empty<MemberTransitioned>())).Message, StringComparison.Ordinal);
        Assert.Contains("the event is null", Assert.Throws<ReplayException>(() => _chain.Replay([_history[0], null!])).Message, StringComparison.Ordinal);
        Assert.Contains("version 2 follows version 5", Assert.Throws<ReplayException>(() => _chain.Replay(_live, _history[1..2])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_stored_column_by_column_restores_equal_and_contradictions_are_named()
    {
        var restored = LifecycleState.Restore(_live.Member, _live.Stage, _live.Version, _live.StageEnteredAt, _live.FirstEntries);
        var suspended = _chain.Replay(_history[..4]);
        var restoredSuspended = LifecycleState.Restore(suspended.Member, suspended.Stage, suspended.Version, suspended.StageEnteredAt, suspended.FirstEntries, suspended.SuspendedFrom);

        Assert.Equal(_live, restored);
        Assert.Equal(_live.GetHashCode(), restored.GetHashCode());
        Assert.Equal(suspended, restoredSuspended);
        Assert.Equal(LifecycleStage.Member, restoredSuspended.SuspendedFrom);
        Assert.Contains("SuspendedFrom = Member", restoredSuspended.ToString(), StringComparison.Ordinal);

        var error = Assert.Throws<InvalidLifecycleStateException>(() => LifecycleState.Restore(default, LifecycleStage.Suspended, 0, _live.StageEnteredAt, [], LifecycleStage.Removed));
        Assert.Equal(ErrorCodes.LifecycleInvalidState, error.ErrorCode);
        Assert.Contains("member id is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 0 is below 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Removed cannot be a suspended-from stage", error.Message, StringComparison.Ordinal);
        Assert.Contains("do not include the current stage Suspended", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly when the stage is Suspended", Assert.Throws<InvalidLifecycleStateException>(() => LifecycleState.Restore(1, LifecycleStage.Fan, 2, _live.StageEnteredAt, _live.FirstEntries, LifecycleStage.Fan)).Message, StringComparison.Ordinal);
        Assert.Contains("stage 42 is not a lifecycle stage", Assert.Throws<InvalidLifecycleStateException>(() => LifecycleState.Restore(1, (LifecycleStage)42, 2, _live.StageEnteredAt, [KeyValuePair.Create((LifecycleStage)42, _live.StageEnteredAt)])).Message, StringComparison.Ordinal);
        Assert.Null(_live.FirstEnteredAt((LifecycleStage)42));
    }
}
