using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Referrals;

/// <summary>The outcome of <see cref="ReferralNetwork.TryBind(MemberId, MemberId)"/>: the event when bound, or every condition that was not met.</summary>
public sealed class BindingResult
{
    private BindingResult(SponsorBound? bound, ImmutableArray<BindingRefusal> refusals)
    {
        Event = bound;
        Refusals = refusals;
    }

    /// <summary>Whether the member was bound.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool Succeeded => Event is not null;

    /// <summary>The binding made; <see langword="null"/> when refused.</summary>
    public SponsorBound? Event { get; }

    /// <summary>Every unmet condition; empty when bound.</summary>
    public ImmutableArray<BindingRefusal> Refusals { get; }

    internal static BindingResult Bound(SponsorBound bound) => new(bound, []);

    internal static BindingResult Refused(ImmutableArray<BindingRefusal> refusals) => new(null, refusals);
}
