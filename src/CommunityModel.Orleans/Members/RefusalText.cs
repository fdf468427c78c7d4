namespace CommunityModel.Orleans.Members;

/// <summary>One unmet condition of a refused command, as the library's <see cref="Refusal"/> names it, carried across grains.</summary>
/// <param name="Code">The stable error code (e.g. <c>referral.cycle</c>).</param>
/// <param name="Message">What was wrong.</param>
/// <param name="Field">The field it concerns, when one does.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.refusal")]
public sealed record RefusalText([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Field)
{
    /// <summary>The carried form of a library refusal.</summary>
    /// <param name="refusal">The refusal.</param>
    /// <returns>Its code, message and field.</returns>
    public static RefusalText From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Code, refusal.Message, refusal.Field);
    }
}
