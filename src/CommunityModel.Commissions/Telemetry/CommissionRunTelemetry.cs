using System.Diagnostics;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Commissions.Telemetry;

/// <summary>
/// One observed month-end run call: its activity, the phases it reports through its progress (preparing → qualifying
/// ranks → paying orders → completed), each recorded as a child activity and a phase duration at the boundary, and
/// the orders, lines and orders per second when it completes. It sits at the run's public entry points and reads
/// the run's own progress reports, so the engine's internals need no instrumentation of their own.
/// </summary>
internal sealed class CommissionRunTelemetry : IDisposable, IProgress<CommissionRunProgress>
{
    private readonly string _operation;
    private readonly string _plan;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private IProgress<CommissionRunProgress>? _inner;
    private string _phase;
    private long _phaseStarted;
    private DateTime _phaseStartedUtc;
    private bool _completed;

    internal CommissionRunTelemetry(string operation, string plan, string firstPhase, Activity? activity)
    {
        _operation = operation;
        _plan = plan;
        _phase = firstPhase;
        _activity = activity;
        _phaseStarted = _started;
        _phaseStartedUtc = activity?.StartTimeUtc ?? default;
        activity?.SetTag("communitymodel.commissions.plan", plan);
    }

    /// <summary>The progress to hand the run: it forwards to <paramref name="inner"/> and marks the phases.</summary>
    public IProgress<CommissionRunProgress> Observe(IProgress<CommissionRunProgress>? inner)
    {
        _inner = inner;
        return this;
    }

    public void Report(CommissionRunProgress value)
    {
        var phase = value.Phase switch
        {
            CommissionRunPhase.QualifyingRanks => "qualifying_ranks",
            CommissionRunPhase.PayingOrders => "paying_orders",
            _ => "completed",
        };
        lock (_gate)
        {
            if (phase != _phase)
            {
                EndPhase();
                _phase = phase;
            }
        }

        _inner?.Report(value);
    }

    /// <summary>Marks the call completed with <paramref name="orders"/> orders and <paramref name="lines"/> lines, and passes its result through.</summary>
    public T Completed<T>(T result, long orders, long lines)
    {
        lock (_gate)
        {
            if (_phase != "completed")
            {
                EndPhase();
                _phase = "completed";
            }
        }

        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var operation = new KeyValuePair<string, object?>("communitymodel.commissions.run.operation", _operation);
        var plan = new KeyValuePair<string, object?>("communitymodel.commissions.plan", _plan);
        CommissionsTelemetry.RunOrders.Add(orders, operation, plan);
        CommissionsTelemetry.RunLines.Add(lines, operation, plan);
        if (seconds > 0 && orders > 0)
        {
            CommissionsTelemetry.RunThroughput.Record(orders / seconds, operation, plan);
        }

        _activity?.SetTag("communitymodel.commissions.run.orders", orders);
        _activity?.SetTag("communitymodel.commissions.run.lines", lines);
        _completed = true;
        return result;
    }

    public void Dispose()
    {
        var operation = new KeyValuePair<string, object?>("communitymodel.commissions.run.operation", _operation);
        var plan = new KeyValuePair<string, object?>("communitymodel.commissions.plan", _plan);
        if (_completed)
        {
            CommissionsTelemetry.RunDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, operation, plan);
        }
        else
        {
            // An exception (a refused batch, a cancellation) left the call: its duration carries error.type, its activity an error status.
            CommissionsTelemetry.RunDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, operation, plan, new("error.type", "exception"));
            _activity?.SetStatus(ActivityStatusCode.Error);
        }

        _activity?.Dispose();
    }

    // Under _gate: records the phase that just ended as a child activity (started when the phase began) and a duration.
    private void EndPhase()
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Stopwatch.GetElapsedTime(_phaseStarted, now).TotalSeconds;
        CommissionsTelemetry.PhaseDuration.Record(seconds, new("communitymodel.commissions.run.phase", _phase), new("communitymodel.commissions.run.operation", _operation));
        if (_activity is not null)
        {
            using var phase = CommissionsTelemetry.Source.StartActivity("CommissionRun.Phase", ActivityKind.Internal, _activity.Context, startTime: _phaseStartedUtc);
            phase?.SetTag("communitymodel.commissions.run.phase", _phase);
            phase?.SetEndTime(_phaseStartedUtc + TimeSpan.FromSeconds(seconds));
        }

        _phaseStarted = now;
        _phaseStartedUtc += TimeSpan.FromSeconds(seconds);
    }
}
