namespace CommunityModel.Demo;

/// <summary>How one campaign play of the demo's campaign month went.</summary>
/// <param name="Play">The play's id.</param>
/// <param name="Kind">The kind of play, in Chinese and English.</param>
/// <param name="Stage">Where its lifecycle ended, in Chinese and English.</param>
/// <param name="Participants">The members who took part (enrolled, bought, joined a group).</param>
/// <param name="Orders">The community orders carrying the play's id.</param>
/// <param name="Revenue">What those orders paid.</param>
/// <param name="Result">The play's own measure: conversion, attributed sales, sold out, completed or refunded.</param>
public sealed record PlayOutcome(string Play, string Kind, string Stage, int Participants, int Orders, Money Revenue, string Result);
