namespace CommunityModel.Campaigns.Surveys;

/// <summary>The stages of a community survey (社群表单).</summary>
public enum SurveyStage
{
    /// <summary>Collecting answers (收集中).</summary>
    Open = 0,

    /// <summary>Closed (已结束): it takes no more answers.</summary>
    Closed = 1,
}
