using CommunityModel.Crm.State;

namespace CommunityModel.Crm.MonthEnd;

/// <summary>
/// The month-end run behind <c>POST /month-end</c>. It runs as one command: alone, with every event it
/// records stored in one transaction. Replace the registration to plug in another engine
/// (e.g. team volume, ranks and differentials): <c>services.AddSingleton&lt;IMonthEnd, MyMonthEnd&gt;()</c>.
/// </summary>
internal interface IMonthEnd
{
    /// <summary>Closes the month: records its events in <paramref name="context"/> and reports what it did.</summary>
    /// <param name="context">The command: the community, the CRM's state and the events to store (on the <c>community</c> stream).</param>
    /// <returns>The report.</returns>
    MonthEndReport Close(CommandContext context);
}
