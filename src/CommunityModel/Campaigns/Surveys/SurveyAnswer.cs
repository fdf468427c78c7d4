namespace CommunityModel.Campaigns.Surveys;

/// <summary>A member's answer to one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Answer">The answer: one of the question's choices, or free text.</param>
public sealed record SurveyAnswer(string QuestionId, string Answer);
