using System.Collections.Immutable;
using CommunityModel.Lifecycle;
using Stateless;

namespace CommunityModel.Campaigns;

/// <summary>
/// The lifecycle of a kind of campaign play: its stages and the triggers between them, defined once with Stateless like the
/// value chain, compiled into an immutable table every play of the kind shares, and exported as a Mermaid or DOT diagram
/// labelled in Chinese and English from the resources.
/// </summary>
/// <typeparam name="TStage">The play's stages.</typeparam>
/// <typeparam name="TTrigger">What moves a play from stage to stage.</typeparam>
public sealed class PlayLifecycle<TStage, TTrigger>
    where TStage : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly TransitionTable<TStage, TTrigger, PlayLifecycle<TStage, TTrigger>> _table;

    internal PlayLifecycle(PlayKind kind, TStage initial, Action<StateMachine<TStage, TTrigger>> define)
    {
        Kind = kind;
        Initial = initial;
        var stage = initial;
        var machine = new StateMachine<TStage, TTrigger>(() => stage, s => stage = s);
        define(machine);
        _table = TransitionTable<TStage, TTrigger, PlayLifecycle<TStage, TTrigger>>.Compile(machine, [], [], (_, _) => []);
    }

    /// <summary>The kind of play this lifecycle is the lifecycle of.</summary>
    public PlayKind Kind { get; }

    /// <summary>The stage a play starts in.</summary>
    public TStage Initial { get; }

    /// <summary>Every stage, in declaration order.</summary>
    public ImmutableArray<TStage> Stages => _table.Stages;

    /// <summary>Whether <paramref name="trigger"/> moves a play on from <paramref name="stage"/>.</summary>
    /// <param name="stage">The play's stage.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when the lifecycle defines the transition.</returns>
    public bool CanFire(TStage stage, TTrigger trigger) => _table.Find(stage, trigger) is not null;

    /// <summary>The stage <paramref name="trigger"/> leads to from <paramref name="stage"/>.</summary>
    /// <param name="stage">The play's stage.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The next stage.</returns>
    /// <exception cref="CampaignException">The lifecycle does not allow it (<see cref="ErrorCodes.CampaignInvalidTransition"/>), naming the stage.</exception>
    public TStage Next(TStage stage, TTrigger trigger) =>
        _table.Find(stage, trigger)?.Destination
        ?? throw new CampaignException(
            ErrorCodes.CampaignInvalidTransition,
            $"A {PlayKinds.DisplayName(Kind)} in stage {DisplayName(stage)} cannot take '{DisplayName(trigger)}'; from {DisplayName(stage)} it takes {Permitted(stage)}.",
            "Stage");

    /// <summary>A stage's display name in English and Chinese, from the resources.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public LocalizedName DisplayName(TStage stage) => CampaignText.Name($"{Kind}_Stage_{stage}");

    /// <summary>A trigger's display name in English and Chinese, from the resources.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The name.</returns>
    public LocalizedName DisplayName(TTrigger trigger) => CampaignText.Name($"{Kind}_Trigger_{trigger}");

    /// <summary>The lifecycle as a Mermaid state diagram (<c>stateDiagram-v2</c>).</summary>
    /// <returns>The diagram's text.</returns>
    public string ToMermaid() => StateGraph.ToMermaid(_table, Initial, DisplayName, DisplayName);

    /// <summary>The lifecycle as a Graphviz DOT graph.</summary>
    /// <returns>The graph's text.</returns>
    public string ToDot() => StateGraph.ToDot(_table, Kind.ToString(), Initial, DisplayName, DisplayName);

    private string Permitted(TStage stage)
    {
        var triggers = _table.Entries.Where(e => EqualityComparer<TStage>.Default.Equals(e.Source, stage)).Select(e => $"'{DisplayName(e.Trigger)}'").ToList();
        return triggers.Count == 0 ? "nothing (it is final)" : string.Join(", ", triggers);
    }
}
