namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>The stages of a bootcamp (训练营).</summary>
public enum BootcampStage
{
    /// <summary>Enrolling (招生中): members enrol by buying the course.</summary>
    Enrolling = 0,

    /// <summary>Running (开营中): the sessions are held and attendance recorded.</summary>
    Running = 1,

    /// <summary>Finished (已结营): conversion is measured over the configured window after the end.</summary>
    Finished = 2,

    /// <summary>Cancelled (已取消) before it started, with no one enrolled.</summary>
    Cancelled = 3,
}
