namespace CommunityModel.StandardWork;

/// <summary>The kinds of material in a promoter's kit (推广员资料包), as seed 002 lists them.</summary>
public enum MaterialKind
{
    /// <summary>What the platform does (平台功能介绍).</summary>
    PlatformIntroduction,

    /// <summary>How the platform compares with the alternatives (平台对比).</summary>
    Comparison,

    /// <summary>How to use the app, step by step (APP操作流程).</summary>
    AppGuide,

    /// <summary>Customers' questions and the answers to give (客户Q&amp;A话术).</summary>
    Script,
}
