using System.Globalization;
using System.Text.RegularExpressions;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using CommunityModel.Memberships;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// Runs month-end once per period. The run is several commands on the <c>community</c> stream, each its own transaction:
/// <see cref="IMonthEnd.Start"/> stores <see cref="MonthEndStarted"/> (what the run reports and the withdrawals it pays),
/// <see cref="IMonthEnd.Continue"/> pays <see cref="CrmOptions.MonthEndPaymentsPerStep"/> withdrawals at a time, and
/// <see cref="IMonthEnd.Close"/> stores <see cref="MonthEndClosed"/>. The writer decides one command at a time, so two
/// requests racing for a period start it once and never pay a withdrawal twice; a process stopped mid-run finishes the
/// stored run when it starts again (<see cref="ResumeAsync"/>), and a request for a period closed already answers its
/// report again.
/// </summary>
internal sealed partial class MonthEndProcess(CommunityWriter writer, IMonthEnd monthEnd, MembershipDesk desk, IOptions<CrmOptions> options, ILogger<MonthEndProcess> logger)
{
    /// <summary>Closes the period asked (the current month by default), or answers the report of the run that closed it.</summary>
    /// <param name="actor">The admin who asked.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels before the run starts; a run started is finished whatever the caller does.</param>
    /// <returns>The report.</returns>
    /// <exception cref="CrmException">A malformed period or one that is not the current month (400), another expected payout than the period's run (409).</exception>
    public async Task<MonthEndReport> RunAsync(string actor, MonthEndRequest request, CancellationToken cancellationToken)
    {
        var asked = request.Period is null ? null
            : PeriodPattern().IsMatch(request.Period) ? request.Period
            : throw CrmException.Invalid("period", "The field 'period' must be a month, yyyy-MM (e.g. 2026-03).");
        while (true)
        {
            var step = await writer.ExecuteAsync(Streams.Community, actor, context => Begin(context, asked, actor, request.ExpectedPayout), cancellationToken);
            if (step.Report is { } report)
            {
                return report;
            }

            // A run under way (this one, or one another request or a stopped process began): finish it, then answer.
            var finished = await FinishAsync(step.Run!);
            if (finished.Period == step.Period)
            {
                return finished; // replayed when another request closed it first
            }
        }
    }

    /// <summary>Finishes a run a stopped process left open; called once the store is replayed, before the first request.</summary>
    /// <param name="cancellationToken">Cancels the look-up only.</param>
    /// <returns>The period finished, or null when no run was open.</returns>
    public async Task<string?> ResumeAsync(CancellationToken cancellationToken)
    {
        var open = await writer.ReadAsync(state => state.OpenMonthEnd, cancellationToken);
        if (open is null)
        {
            return null;
        }

        LogResuming(logger, open.Period, open.StartedBy);
        await FinishAsync(open);
        return open.Period;
    }

    private (string Period, MonthEndReport? Report, MonthEndStarted? Run) Begin(CommandContext context, string? asked, string actor, Money? expectedPayout)
    {
        var state = context.State;
        var current = desk.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var period = asked ?? current;
        if (state.MonthEndOf(period) is { } run)
        {
            // The period ran: the same request again is answered by that run, other content is a conflict.
            if (run.Started is { } started && started.ExpectedPayout != expectedPayout)
            {
                throw new CrmException(CrmErrorCodes.MonthEndConflict, $"Month-end {period} ran with expectedPayout {Text(started.ExpectedPayout)}, not {Text(expectedPayout)}.", "expectedPayout");
            }

            return run.Closed is { } closed ? (period, Report(state, run.Started, closed, replayed: true), null) : (period, null, run.Started);
        }

        if (state.OpenMonthEnd is { } open)
        {
            return (period, null, open); // an earlier period's run left open: finished first
        }

        if (period != current)
        {
            throw CrmException.Invalid("period", $"Month-end starts the current month, {current}; {period} was never run.");
        }

        return (period, null, monthEnd.Start(context, period, actor, expectedPayout));
    }

    private async Task<MonthEndReport> FinishAsync(MonthEndStarted run)
    {
        var limit = options.Value.MonthEndPaymentsPerStep;
        while (await writer.ExecuteAsync(Streams.Community, run.StartedBy, context => context.State.OpenMonthEnd?.Period == run.Period && monthEnd.Continue(context, run, limit), CancellationToken.None))
        {
        }

        return await writer.ExecuteAsync(
            Streams.Community,
            run.StartedBy,
            context => context.State.MonthEndOf(run.Period)?.Closed is { } closed
                ? Report(context.State, run, closed, replayed: true)
                : Report(context.State, run, monthEnd.Close(context, run), replayed: false),
            CancellationToken.None);
    }

    // The report from what is stored, so the first answer and every replay are the same.
    private static MonthEndReport Report(CommunityState state, MonthEndStarted? run, MonthEndClosed closed, bool replayed)
    {
        WithdrawalView[] paid = [.. (run?.Withdrawals ?? []).Select(state.Withdrawal).Where(w => w?.Status == WithdrawalStatus.Paid).Select(w => w!)];
        return new MonthEndReport(
            closed.Period, closed.OccurredAt, run?.PreviousClosedAt, run?.Released ?? [], closed.Released, paid, closed.PaidOut, closed.ExpiredMemberships ?? [], replayed);
    }

    private static string Text(Money? amount) => amount?.ToString() ?? "none";

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing month-end {Period}, begun by {StartedBy} before the process stopped.")]
    private static partial void LogResuming(ILogger logger, string period, string startedBy);
}
