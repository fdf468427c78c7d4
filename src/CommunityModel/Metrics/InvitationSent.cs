namespace CommunityModel.Metrics;

/// <summary>
/// A member sent an invitation (a link, a poster, a code) that someone may accept: the invitation K-factor counts it.
/// Only the integrator knows it; the metrics read it as a fact.
/// </summary>
/// <param name="Inviter">Who invited.</param>
/// <param name="InvitationId">The invitation's id, unique among the invitations handed over.</param>
/// <param name="OccurredAt">When the invitation was sent.</param>
public sealed record InvitationSent(MemberId Inviter, string InvitationId, DateTimeOffset OccurredAt) : IDomainEvent;
