using CommunityModel.Crm.State;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The month-end engine behind <c>POST /month-end</c>, in three steps that <see cref="MonthEndProcess"/> runs as separate
/// commands on the <c>community</c> stream, each stored in its own transaction: <see cref="Start"/> once,
/// <see cref="Continue"/> until it has nothing left, <see cref="Close"/> once. The stored start is the run's promise:
/// a process that stops between steps continues from the store when it starts again. Replace the registration to plug in
/// another engine (e.g. team volume, ranks and differentials): <c>services.AddSingleton&lt;IMonthEnd, MyMonthEnd&gt;()</c>.
/// </summary>
internal interface IMonthEnd
{
    /// <summary>Begins a period's run: decides what it will do and records <see cref="MonthEndStarted"/>.</summary>
    /// <param name="context">The command: the community, the CRM's state and the events to store.</param>
    /// <param name="period">The period to close.</param>
    /// <param name="startedBy">The account that asked.</param>
    /// <param name="expectedPayout">The payout the request expects, or null; refused with 409 when the run would pay another.</param>
    /// <returns>The start recorded.</returns>
    MonthEndStarted Start(CommandContext context, string period, string startedBy, Money? expectedPayout);

    /// <summary>Does the next part of the run's work, at most <paramref name="limit"/> items; what is done already is skipped.</summary>
    /// <param name="context">The command.</param>
    /// <param name="run">The run's start.</param>
    /// <param name="limit">The most items in this step (one transaction).</param>
    /// <returns>False when nothing was left to do.</returns>
    bool Continue(CommandContext context, MonthEndStarted run, int limit);

    /// <summary>Finishes the run: records its last events and <see cref="MonthEndClosed"/>.</summary>
    /// <param name="context">The command.</param>
    /// <param name="run">The run's start.</param>
    /// <returns>The close recorded.</returns>
    MonthEndClosed Close(CommandContext context, MonthEndStarted run);
}
