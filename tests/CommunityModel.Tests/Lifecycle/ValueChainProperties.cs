using CommunityModel.Lifecycle;
using CommunityModel.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>Invariants of the value chain over random histories of triggers, reasons, facts and time.</summary>
public class ValueChainProperties
{
    [Property(MaxTest = 1000)]
    public Property Any_sequence_of_triggers_stays_legal_and_each_trigger_transitions_or_explains_the_refusal() =>
        Prop.ForAll(LifecycleGenerators.Histories, history =>
        {
            var time = new FakeTimeProvider(LifecycleGenerators.Epoch);
            var chain = new ValueChain(new ValueChainOptions(), time);
            var state = chain.Start(77, history.Start).State;
            foreach (var step in history.Steps)
            {
                time.Advance(TimeSpan.FromDays(step.DaysLater));
                var before = state;
                var attempt = chain.TryFire(state, step.Trigger, step.Reason, step.Facts);
                if (attempt.Succeeded)
                {
                    var (next, @event) = attempt.Value;
                    if (!Enum.IsDefined(next.Stage) || next.Version != before.Version + 1 || @event.From != before.Stage || @event.To != next.Stage
                        || @event.Version != next.Version || @event.OccurredAt != time.GetUtcNow() || next.FirstEnteredAt(next.Stage) is null
                        || (next.Stage == LifecycleStage.Suspended) != next.SuspendedFrom.HasValue)
                    {
                        return false;
                    }

                    state = next;
                }
                else
                {
                    var explained = attempt.IsPermittedFromStage() ? !attempt.UnmetGuards().IsEmpty : attempt.UnmetGuards().IsEmpty;
                    if (!explained || !ReferenceEquals(before, state) || before.Version != state.Version)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property(MaxTest = 1000)]
    public Property Replaying_the_events_rebuilds_the_live_state() =>
        Prop.ForAll(LifecycleGenerators.Histories, history =>
        {
            var time = new FakeTimeProvider(LifecycleGenerators.Epoch);
            var chain = new ValueChain(new ValueChainOptions(), time);
            var start = chain.Start(77, history.Start);
            var state = start.State;
            var events = new List<MemberTransitioned> { start.Event };
            foreach (var step in history.Steps)
            {
                time.Advance(TimeSpan.FromDays(step.DaysLater));
                var attempt = chain.TryFire(state, step.Trigger, step.Reason, step.Facts);
                if (attempt.Succeeded)
                {
                    state = attempt.Value.State;
                    events.Add(attempt.Value.Event);
                }
            }

            var fromSpan = chain.Replay(events.ToArray().AsSpan());
            var fromEnumerable = chain.Replay(events.Select(e => e));
            var half = events.Count / 2;
            var fromSnapshot = chain.Replay(chain.Replay(events.Take(Math.Max(half, 1))), events.Skip(Math.Max(half, 1)).ToArray());
            return (state.Equals(fromSpan) && state.Equals(fromEnumerable) && state.Equals(fromSnapshot))
                .Label($"live {state}, replayed {fromSpan}");
        });
}
