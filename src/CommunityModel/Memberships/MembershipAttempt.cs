using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Memberships;

/// <summary>The result of a <c>TryXxx</c> operation: the change when it succeeded, or every reason it was refused.</summary>
/// <param name="Change">The change; null when refused.</param>
/// <param name="Refusals">Every unmet condition; empty when it succeeded.</param>
public sealed record MembershipAttempt(MembershipChange? Change, ImmutableArray<Refusal> Refusals)
{
    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Change))]
    public bool Succeeded => Change is not null;

    /// <summary>The change, or a <see cref="MembershipRefusedException"/> naming every refusal.</summary>
    /// <returns>The change.</returns>
    /// <exception cref="MembershipRefusedException">The operation was refused.</exception>
    public MembershipChange GetChangeOrThrow() => Change ?? throw new MembershipRefusedException(Refusals);
}
