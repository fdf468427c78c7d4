namespace CommunityModel.Campaigns.Surveys;

/// <summary>What moves a survey from stage to stage.</summary>
public enum SurveyTrigger
{
    /// <summary>The survey was closed.</summary>
    Closed = 0,
}
