namespace CommunityModel.Metrics;

/// <summary>
/// Someone accepted an invitation (joined through it): matched to its <see cref="InvitationSent"/> by id for the
/// invitation acceptance rate and K-factor. Only the integrator knows it; the metrics read it as a fact.
/// </summary>
/// <param name="InvitationId">The id of an invitation sent earlier in the events.</param>
/// <param name="Invitee">Who accepted; not the inviter.</param>
/// <param name="OccurredAt">When the invitation was accepted.</param>
public sealed record InvitationAccepted(string InvitationId, MemberId Invitee, DateTimeOffset OccurredAt) : IDomainEvent;
