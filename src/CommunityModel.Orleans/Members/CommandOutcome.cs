namespace CommunityModel.Orleans.Members;

/// <summary>What a member grain decided on a command: accepted (perhaps as a repeat of one already accepted) or refused with every reason.</summary>
/// <param name="Accepted">Whether the command was accepted.</param>
/// <param name="IsRepeat">Whether it repeated a command already accepted (nothing changed the second time).</param>
/// <param name="Refusals">Why it was refused; empty when accepted.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.command-outcome")]
public sealed record CommandOutcome([property: Id(0)] bool Accepted, [property: Id(1)] bool IsRepeat, [property: Id(2)] RefusalText[] Refusals)
{
    /// <summary>An accepted command.</summary>
    /// <param name="isRepeat">Whether it repeated one already accepted.</param>
    /// <returns>The decision.</returns>
    public static CommandOutcome Accept(bool isRepeat = false) => new(true, isRepeat, []);

    /// <summary>A refused command.</summary>
    /// <param name="refusals">Every unmet condition.</param>
    /// <returns>The decision.</returns>
    public static CommandOutcome Refuse(IEnumerable<Refusal> refusals) => new(false, false, [.. refusals.Select(RefusalText.From)]);
}
