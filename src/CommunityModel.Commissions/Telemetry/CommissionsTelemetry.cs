using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Commissions.Telemetry;

/// <summary>
/// The names under which the <c>CommunityModel.Commissions</c> package reports: a <see cref="System.Diagnostics.Metrics.Meter"/>
/// and an <see cref="System.Diagnostics.ActivitySource"/>, both called <see cref="Name"/>, following OpenTelemetry's naming
/// conventions. Nothing is recorded until a listener subscribes (the OpenTelemetry SDK's
/// <c>AddMeter("CommunityModel.Commissions")</c> and <c>AddSource("CommunityModel.Commissions")</c>).
/// </summary>
/// <remarks>
/// <para>The month-end run: activities <c>CommissionRun.Execute</c>, <c>CommissionRun.PayBatch</c> and
/// <c>CommissionRun.QualifyRanks</c>, with a child activity per phase (<c>CommissionRun.Phase</c>); instruments
/// <c>communitymodel.commissions.run.duration</c> (s), <c>communitymodel.commissions.run.phase.duration</c> (s, tag
/// <c>communitymodel.commissions.run.phase</c>), <c>communitymodel.commissions.run.orders</c> ({order}),
/// <c>communitymodel.commissions.run.lines</c> ({line}) and <c>communitymodel.commissions.run.throughput</c> ({order}/s).</para>
/// <para>The ledger: <c>communitymodel.commissions.ledger.accruals</c> ({accrual}), <c>communitymodel.commissions.ledger.reversals</c>
/// ({reversal}), <c>communitymodel.commissions.ledger.amount</c> ({minor_unit}, tags <c>communitymodel.commissions.ledger.movement</c>
/// accrued/reversed and <c>currency</c>), <c>communitymodel.commissions.ledger.withdrawals</c> ({withdrawal}, tag
/// <c>communitymodel.commissions.withdrawal.outcome</c> requested/paid/rejected) and <c>communitymodel.commissions.ledger.refusals</c>
/// ({refusal}, tag <c>error.type</c>: the refusal's code). Replays: <c>communitymodel.replay.events</c> and
/// <c>communitymodel.replay.duration</c> with <c>communitymodel.replay.model</c> = <c>commission_ledger</c>, activity
/// <c>CommissionLedger.Replay</c>.</para>
/// </remarks>
public static class CommissionsTelemetry
{
    /// <summary>The name of the package's meter and activity source: <c>CommunityModel.Commissions</c>.</summary>
    public const string Name = "CommunityModel.Commissions";

    internal static readonly ActivitySource Source = new(Name, typeof(CommissionsTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(CommissionsTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>(
        "communitymodel.commissions.run.duration", "s", "How long a month-end run call took, by operation and plan.");

    internal static readonly Histogram<double> PhaseDuration = Meter.CreateHistogram<double>(
        "communitymodel.commissions.run.phase.duration", "s", "How long each phase of a month-end run took.");

    internal static readonly Counter<long> RunOrders = Meter.CreateCounter<long>(
        "communitymodel.commissions.run.orders", "{order}", "Orders paid by month-end runs.");

    internal static readonly Counter<long> RunLines = Meter.CreateCounter<long>(
        "communitymodel.commissions.run.lines", "{line}", "Commission lines written by month-end runs.");

    internal static readonly Histogram<double> RunThroughput = Meter.CreateHistogram<double>(
        "communitymodel.commissions.run.throughput", "{order}/s", "Orders paid per second, one measurement per run.");

    private static readonly Counter<long> Accruals = Meter.CreateCounter<long>(
        "communitymodel.commissions.ledger.accruals", "{accrual}", "Commission lines accrued into the ledger.");

    private static readonly Counter<long> Reversals = Meter.CreateCounter<long>(
        "communitymodel.commissions.ledger.reversals", "{reversal}", "Commission reversals (refunds, clawback) entered into the ledger.");

    private static readonly Counter<long> Amount = Meter.CreateCounter<long>(
        "communitymodel.commissions.ledger.amount", "{minor_unit}", "Commission accrued and reversed, in minor units of the currency (fen for CNY).");

    private static readonly Counter<long> Withdrawals = Meter.CreateCounter<long>(
        "communitymodel.commissions.ledger.withdrawals", "{withdrawal}", "Withdrawals requested, paid and rejected.");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "communitymodel.commissions.ledger.refusals", "{refusal}", "Conditions a refused withdrawal did not meet, by code.");

    private static readonly Counter<long> ReplayedEvents = Meter.CreateCounter<long>(
        "communitymodel.replay.events", "{event}", "Events replayed to rebuild state, by model.");

    private static readonly Histogram<double> ReplayDuration = Meter.CreateHistogram<double>(
        "communitymodel.replay.duration", "s", "How long a replay took, by model.");

    /// <summary>Starts observing a month-end run call; <see langword="null"/> costs nothing when no one listens.</summary>
    /// <param name="operation">The public entry point: <c>Execute</c>, <c>PayBatch</c> or <c>QualifyRanks</c>.</param>
    /// <param name="plan">The run's plan.</param>
    /// <param name="firstPhase">The phase the call starts in: <c>preparing</c> (checks and volumes) or <c>qualifying_ranks</c>.</param>
    internal static CommissionRunTelemetry? StartRun(string operation, CommissionPlan plan, string firstPhase = "preparing")
    {
        var activity = Source.StartActivity("CommissionRun." + operation);
        return activity is null && !RunDuration.Enabled && !PhaseDuration.Enabled && !RunOrders.Enabled && !RunLines.Enabled && !RunThroughput.Enabled
            ? null
            : new CommissionRunTelemetry(operation, plan.Name, firstPhase, activity);
    }

    /// <summary>Marks an observed run call completed (nothing when unobserved) and passes its result through.</summary>
    internal static T Complete<T>(this CommissionRunTelemetry? run, T result, long orders, long lines) =>
        run is null ? result : run.Completed(result, orders, lines);

    /// <summary>Records an event the ledger has just decided (never a replayed one).</summary>
    internal static void Decided(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CommissionAccrued accrued:
                Accruals.Add(1);
                Amount.Add(accrued.Amount.MinorUnits, new("communitymodel.commissions.ledger.movement", "accrued"), new("currency", accrued.Amount.Currency.Code));
                break;
            case CommissionReversed reversed:
                Reversals.Add(1);
                Amount.Add(Math.Abs(reversed.Amount.MinorUnits), new("communitymodel.commissions.ledger.movement", "reversed"), new("currency", reversed.Amount.Currency.Code));
                break;
            case WithdrawalRequested:
                Withdrawals.Add(1, new KeyValuePair<string, object?>("communitymodel.commissions.withdrawal.outcome", "requested"));
                break;
            case WithdrawalPaid:
                Withdrawals.Add(1, new KeyValuePair<string, object?>("communitymodel.commissions.withdrawal.outcome", "paid"));
                break;
            case WithdrawalRejected:
                Withdrawals.Add(1, new KeyValuePair<string, object?>("communitymodel.commissions.withdrawal.outcome", "rejected"));
                break;
        }
    }

    /// <summary>Records each condition of a refused ledger request by its code.</summary>
    internal static void Refused(IEnumerable<Refusal> refusals)
    {
        if (!Refusals.Enabled)
        {
            return;
        }

        foreach (var refusal in refusals)
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("error.type", refusal.Code));
        }
    }

    /// <summary>Records a ledger replay of <paramref name="events"/> events that took <paramref name="started"/> until now.</summary>
    internal static void Replayed(long events, long started, Activity? activity)
    {
        var tag = new KeyValuePair<string, object?>("communitymodel.replay.model", "commission_ledger");
        ReplayedEvents.Add(events, tag);
        ReplayDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        activity?.SetTag("communitymodel.replay.events", events);
    }
}
