namespace Signalling.Sip.Messages.Headers;

/// <summary>Which side refreshes a session (RFC 4028 §4 refresher-param).</summary>
public enum SessionRefresher
{
    /// <summary><c>refresher=uac</c>: the user agent client sends the refreshes.</summary>
    Uac = 1,

    /// <summary><c>refresher=uas</c>: the user agent server sends the refreshes.</summary>
    Uas = 2,
}
