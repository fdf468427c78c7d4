namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>What moves a bootcamp from stage to stage.</summary>
public enum BootcampTrigger
{
    /// <summary>The bootcamp started (开营).</summary>
    Started = 0,

    /// <summary>The bootcamp finished (结营).</summary>
    Finished = 1,

    /// <summary>The bootcamp was cancelled before it started.</summary>
    Cancelled = 2,
}
