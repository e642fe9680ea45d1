namespace Signalling.H323.Q931;

// Typed views of the codeset 0 elements H.225.0 §7.3 uses. Each decodes the first element with the
// identifier when called; nothing is decoded at parse time.
public sealed partial class Q931Message
{
    /// <summary>Decodes the Bearer capability element (Q.931 §4.5.5).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetBearerCapability(out Q931BearerCapability value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.BearerCapability, out var e) && Q931BearerCapability.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Cause element (Q.931 §4.5.12).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetCause(out Q931Cause value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.Cause, out var e) && Q931Cause.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Call state element (Q.931 §4.5.7).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetCallState(out Q931CallState value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.CallState, out var e) && Q931CallState.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Display element (Q.931 §4.5.16).</summary>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether it was present.</returns>
    public bool TryGetDisplay(out Q931Display value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.Display, out var e) && Q931Display.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Calling party number element (Q.931 §4.5.10).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetCallingPartyNumber(out Q931PartyNumber value) => TryGetPartyNumber(Q931InformationElementIdentifiers.CallingPartyNumber, out value);

    /// <summary>Decodes the Called party number element (Q.931 §4.5.8).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetCalledPartyNumber(out Q931PartyNumber value) => TryGetPartyNumber(Q931InformationElementIdentifiers.CalledPartyNumber, out value);

    /// <summary>Decodes the Connected number element (Q.951).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetConnectedNumber(out Q931PartyNumber value) => TryGetPartyNumber(Q931InformationElementIdentifiers.ConnectedNumber, out value);

    /// <summary>Decodes the Progress indicator element (Q.931 §4.5.23).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetProgressIndicator(out Q931ProgressIndicator value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.ProgressIndicator, out var e) && Q931ProgressIndicator.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Signal element (Q.931 §4.5.28).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetSignal(out Q931Signal value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.Signal, out var e) && Q931Signal.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Decodes the Notification indicator element (Q.931 §4.5.22).</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and well formed.</returns>
    public bool TryGetNotificationIndicator(out Q931NotificationIndicator value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.NotificationIndicator, out var e) && Q931NotificationIndicator.TryParse(e.Contents.Span, out value);
    }

    /// <summary>Returns the contents of the Facility element (Q.932 §8.2.3), which are kept opaque.</summary>
    /// <param name="contents">The contents octets, when present.</param>
    /// <returns>Whether it was present.</returns>
    public bool TryGetFacility(out ReadOnlyMemory<byte> contents)
    {
        var found = TryGetInformationElement(Q931InformationElementIdentifiers.Facility, out var e);
        contents = e.Contents;
        return found;
    }

    /// <summary>Decodes the User-user element (Q.931 §4.5.30, H.225.0 §7.2.2) without copying its payload.</summary>
    /// <param name="value">The value, when present and well formed.</param>
    /// <returns>Whether it was present and held at least the protocol discriminator.</returns>
    public bool TryGetUserUser(out Q931UserUser value)
    {
        value = default;
        return TryGetInformationElement(Q931InformationElementIdentifiers.UserUser, out var e) && Q931UserUser.TryParse(e.Contents, out value);
    }

    private bool TryGetPartyNumber(byte identifier, out Q931PartyNumber value)
    {
        value = default;
        return TryGetInformationElement(identifier, out var e) && Q931PartyNumber.TryParse(e.Contents.Span, out value);
    }
}
