namespace CommunityModel.Memberships;

/// <summary>A term the member has paid for, current or ahead.</summary>
/// <param name="TierId">The tier of the term.</param>
/// <param name="Period">The dates it covers.</param>
/// <param name="Value">What it was paid with: cash plus credit applied. Credits and refunds of the term never exceed it.</param>
/// <param name="PaidAt">When it was paid; the cooling-off window runs from here.</param>
public readonly record struct PaidTerm(string TierId, TermPeriod Period, Money Value, DateTimeOffset PaidAt);
