using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Lifecycle;

/// <summary>
/// Where members' lifecycle states live, with compare-and-swap by version so two concurrent changes to
/// one member are caught, never lost. An integrator implements it over their database
/// (<c>UPDATE … WHERE version = @expected</c>); <see cref="InMemoryLifecycleStore"/> is the reference.
/// </summary>
public interface ILifecycleStore
{
    /// <summary>Reads a member's state.</summary>
    /// <param name="member">The member.</param>
    /// <param name="state">The stored state, when found.</param>
    /// <returns>Whether the member is stored.</returns>
    bool TryGet(MemberId member, [NotNullWhen(true)] out LifecycleState? state);

    /// <summary>Stores a new member's state.</summary>
    /// <param name="state">The state from <see cref="ValueChain.Start"/>.</param>
    /// <returns>False when the member is already stored.</returns>
    bool TryAdd(LifecycleState state);

    /// <summary>Replaces <paramref name="current"/> with <paramref name="next"/> only if the stored version is still <paramref name="current"/>'s.</summary>
    /// <param name="current">The state the change was based on.</param>
    /// <param name="next">The state the change produced (same member, next version).</param>
    /// <returns>False when another change got there first; nothing is written then.</returns>
    bool TryReplace(LifecycleState current, LifecycleState next);
}
