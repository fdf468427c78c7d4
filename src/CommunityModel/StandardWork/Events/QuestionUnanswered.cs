namespace CommunityModel.StandardWork;

/// <summary>A member asked something no keyword answered: the questions the library should grow to answer (资料库逐步完善).</summary>
/// <param name="Question">The question as asked (trimmed, at most 500 characters).</param>
/// <param name="OccurredAt">When it was asked.</param>
public sealed record QuestionUnanswered(string Question, DateTimeOffset OccurredAt) : IReplyLibraryEvent;
