using CommunityModel.Persistence;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// What the CRM's writer needs of its store: appends of many commands in one transaction (group commit) and the
/// events in their global order for replay. <see cref="SqliteEventStore"/> is the one the sample ships; tests put a
/// failing one in front of it.
/// </summary>
internal interface IEventLog
{
    /// <summary>Creates the store if needed.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Appends every command of a batch in one transaction: all of them are stored, or none.</summary>
    /// <param name="appends">The commands' events, in the order they were decided.</param>
    /// <param name="cancellationToken">Cancels before the commit; never after.</param>
    /// <returns>A task completed once the transaction is committed: readable, and surviving a killed process.</returns>
    /// <exception cref="StreamConcurrencyException">Another writer moved one of the streams; nothing was stored.</exception>
    Task AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once every batch committed so far survives a power cut too (at once when the store is not asked to flush
    /// each commit). Many batches share one flush, and a flush runs beside the next batch's append.
    /// </summary>
    /// <returns>A task.</returns>
    /// <exception cref="Errors.CrmException"><c>crm.unavailable</c>: the disk did not confirm the write.</exception>
    Task FlushAsync();

    /// <summary>Every stored event from a global position on, in append order.</summary>
    /// <param name="fromPosition">The first position (1 for all).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default);

    /// <summary>Reads the store once: throws when the database cannot be reached (readiness).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task.</returns>
    Task PingAsync(CancellationToken cancellationToken);
}
