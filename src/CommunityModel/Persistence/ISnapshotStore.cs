namespace CommunityModel.Persistence;

/// <summary>
/// Where the latest snapshot of each stream lives, so a state is restored without replaying from the first event.
/// Snapshots are a cache: losing one costs a longer replay, never a fact. An integrator implements it over their database
/// (the state as JSON through the shipped context, e.g. <see cref="CommunityJsonContext.MembershipSnapshot"/>);
/// <see cref="InMemorySnapshotStore{TSnapshot}"/> is the reference.
/// </summary>
/// <typeparam name="TSnapshot">The snapshot record.</typeparam>
public interface ISnapshotStore<TSnapshot>
    where TSnapshot : class
{
    /// <summary>Keeps a snapshot as its stream's latest, unless one of the same or a later version is kept already.</summary>
    /// <param name="snapshot">The snapshot and the version it was taken at.</param>
    /// <param name="cancellationToken">Cancels the save; a cancelled save keeps nothing.</param>
    /// <returns>Whether it is now the stream's latest snapshot.</returns>
    ValueTask<bool> SaveAsync(StoredSnapshot<TSnapshot> snapshot, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream's latest snapshot.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or null when none is kept.</returns>
    ValueTask<StoredSnapshot<TSnapshot>?> LoadAsync(string streamId, CancellationToken cancellationToken = default);
}
