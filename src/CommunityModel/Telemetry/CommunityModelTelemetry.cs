using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommunityModel.Lifecycle;

namespace CommunityModel.Telemetry;

/// <summary>
/// The names under which the <c>CommunityModel</c> package reports: a <see cref="System.Diagnostics.Metrics.Meter"/> and an
/// <see cref="System.Diagnostics.ActivitySource"/>, both called <see cref="Name"/>, following OpenTelemetry's naming
/// conventions (lower-case dotted instrument names, UCUM units, <c>{annotation}</c> counts). Nothing is recorded until a
/// listener subscribes, e.g. the OpenTelemetry SDK's <c>AddMeter("CommunityModel")</c> and <c>AddSource("CommunityModel")</c>.
/// </summary>
/// <remarks>
/// Instruments: <c>communitymodel.lifecycle.transitions</c> ({transition}; tags <c>communitymodel.lifecycle.trigger</c>,
/// <c>communitymodel.lifecycle.from</c>, <c>communitymodel.lifecycle.to</c>), <c>communitymodel.lifecycle.refusals</c>
/// ({refusal}; tags the trigger and stage), <c>communitymodel.replay.events</c> ({event}; tag <c>communitymodel.replay.model</c>)
/// and <c>communitymodel.replay.duration</c> (s). Activities: <c>Community.Replay</c>, <c>Community.Restore</c>.
/// </remarks>
public static class CommunityModelTelemetry
{
    /// <summary>The name of the package's meter and activity source: <c>CommunityModel</c>.</summary>
    public const string Name = "CommunityModel";

    internal static readonly ActivitySource Source = new(Name, typeof(CommunityModelTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(CommunityModelTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
        "communitymodel.lifecycle.transitions", "{transition}", "Lifecycle transitions fired, by trigger and stages.");

    private static readonly Counter<long> TransitionRefusals = Meter.CreateCounter<long>(
        "communitymodel.lifecycle.refusals", "{refusal}", "Lifecycle triggers refused, by trigger and stage.");

    private static readonly Counter<long> ReplayedEvents = Meter.CreateCounter<long>(
        "communitymodel.replay.events", "{event}", "Events replayed to rebuild state, by model.");

    private static readonly Histogram<double> ReplayDuration = Meter.CreateHistogram<double>(
        "communitymodel.replay.duration", "s", "How long a replay or restore took, by model.");

    internal static void Transitioned(LifecycleStage from, LifecycleStage to, LifecycleTrigger trigger)
    {
        if (Transitions.Enabled)
        {
            Transitions.Add(1, new("communitymodel.lifecycle.trigger", TriggerName(trigger)), new("communitymodel.lifecycle.from", StageName(from)), new("communitymodel.lifecycle.to", StageName(to)));
        }
    }

    internal static void Refused(LifecycleStage stage, LifecycleTrigger trigger)
    {
        if (TransitionRefusals.Enabled)
        {
            TransitionRefusals.Add(1, new("communitymodel.lifecycle.trigger", TriggerName(trigger)), new("communitymodel.lifecycle.from", StageName(stage)));
        }
    }

    /// <summary>Starts timing a replay of <paramref name="model"/> (e.g. <c>community</c>); dispose the scope when it ends.</summary>
    internal static ReplayScope StartReplay(string model, string activityName) => new(model, Source.StartActivity(activityName), Stopwatch.GetTimestamp());

    private static string StageName(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Prospect => "prospect",
        LifecycleStage.Fan => "fan",
        LifecycleStage.Customer => "customer",
        LifecycleStage.Member => "member",
        LifecycleStage.Partner => "partner",
        LifecycleStage.Dormant => "dormant",
        LifecycleStage.Lapsed => "lapsed",
        LifecycleStage.Suspended => "suspended",
        LifecycleStage.Removed => "removed",
        _ => "other",
    };

    private static string TriggerName(LifecycleTrigger trigger) => trigger.ToString();

    /// <summary>A replay in progress: counts its events and records its duration when disposed.</summary>
    internal sealed class ReplayScope(string model, Activity? activity, long started) : IDisposable
    {
        private long _events;

        public Activity? Activity => activity;

        public void Replayed(long events = 1) => _events += events;

        public void Dispose()
        {
            var tag = new KeyValuePair<string, object?>("communitymodel.replay.model", model);
            if (ReplayedEvents.Enabled)
            {
                ReplayedEvents.Add(_events, tag);
            }

            if (ReplayDuration.Enabled)
            {
                ReplayDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
            }

            activity?.SetTag("communitymodel.replay.model", model);
            activity?.SetTag("communitymodel.replay.events", _events);
            activity?.Dispose();
        }
    }
}
