using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>A survey as it stands.</summary>
/// <param name="Setup">How it opened.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Responses">Every member's answers, in order.</param>
public sealed record SurveyState(SurveyOpened Setup, SurveyStage Stage, ImmutableArray<SurveyAnswered> Responses)
{
    /// <summary>The members whose answers flag intent (the leads), in the order they answered.</summary>
    public ImmutableArray<MemberId> Leads => [.. Responses.Where(r => r.IntentFlagged).Select(r => r.Member)];
}
