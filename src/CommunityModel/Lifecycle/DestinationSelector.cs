namespace CommunityModel.Lifecycle;

/// <summary>A dynamic destination (e.g. "back to the stage it was suspended from") with the stages it can pick.</summary>
internal sealed class DestinationSelector<TStage, TContext>(LocalizedName description, Func<TContext, TStage> select, IEnumerable<TStage> possible)
    where TStage : struct, Enum
{
    public LocalizedName Description { get; } = description;

    public Func<TContext, TStage> Select { get; } = select;

    public System.Collections.Immutable.ImmutableArray<TStage> Possible { get; } = [.. possible];

    public string Key => Description.English;
}
