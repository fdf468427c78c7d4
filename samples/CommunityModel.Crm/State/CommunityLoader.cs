namespace CommunityModel.Crm.State;

/// <summary>
/// Rebuilds the community from the event store when the host starts: after the options were validated
/// (<c>ValidateOnStart</c> runs first) and before the server takes its first request; then finishes a month-end run a
/// stopped process left open.
/// </summary>
internal sealed partial class CommunityLoader(CommunityWriter writer, Accounts.AccountStore accounts, MonthEnd.MonthEndProcess monthEnd, ILogger<CommunityLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await accounts.InitializeAsync(cancellationToken);
        if (await accounts.CountAsync(cancellationToken) == 0)
        {
            LogNoAccount();
        }

        var (events, members) = await writer.LoadAsync(cancellationToken);
        LogLoaded(events, members);

        // A month-end run a stopped process left open is finished before the first request: each withdrawal paid once.
        await monthEnd.ResumeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account exists yet: create the first admin with 'create-admin <name>' (samples/CommunityModel.Crm/README.md).")]
    private partial void LogNoAccount();

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Events} stored events: {Members} members.")]
    private partial void LogLoaded(int events, int members);
}
