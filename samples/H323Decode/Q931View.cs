using Signalling.H323.Messages.H225;
using Signalling.H323.Q931;

namespace Signalling.Samples.H323Decode;

/// <summary>What the tool shows of a Q.931 message (Q.931 §4): the header, every information element as
/// received, the typed values H.225.0 §7.2.2 uses, and the decoded H323-UserInformation of the User-user
/// element.</summary>
/// <param name="MessageType">The message type (Q.931 §4.4).</param>
/// <param name="CallReference">The call reference (Q.931 §4.3).</param>
/// <param name="InformationElements">Each element: codeset, identifier and contents in hex.</param>
/// <param name="BearerCapability">The Bearer capability (Q.931 §4.5.5), when present.</param>
/// <param name="Display">The Display (Q.931 §4.5.15), when present.</param>
/// <param name="CallingPartyNumber">The Calling party number (Q.931 §4.5.10), when present.</param>
/// <param name="CalledPartyNumber">The Called party number (Q.931 §4.5.8), when present.</param>
/// <param name="Cause">The Cause (Q.931 §4.5.12), when present.</param>
/// <param name="H323UserInformation">The H323-UserInformation of the User-user element (H.225.0 §7.2.2.1).</param>
public sealed record Q931View(
    string MessageType,
    string CallReference,
    IReadOnlyList<string> InformationElements,
    Q931BearerCapability? BearerCapability,
    string? Display,
    Q931PartyNumber? CallingPartyNumber,
    Q931PartyNumber? CalledPartyNumber,
    Q931Cause? Cause,
    H323UserInformation? H323UserInformation)
{
    /// <summary>Builds the view of a parsed message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="userInformation">Its decoded User-user payload, if any.</param>
    /// <returns>The view.</returns>
    public static Q931View From(Q931Message message, H323UserInformation? userInformation)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Q931View(
            message.MessageType.ToString(),
            message.CallReference.ToString(),
            [.. message.InformationElements.Select(e => e.ToString())],
            message.TryGetBearerCapability(out var bearer) ? bearer : null,
            message.TryGetDisplay(out var display) ? display.Text : null,
            message.TryGetCallingPartyNumber(out var calling) ? calling : null,
            message.TryGetCalledPartyNumber(out var called) ? called : null,
            message.TryGetCause(out var cause) ? cause : null,
            userInformation);
    }
}
