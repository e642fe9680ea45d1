using System.Collections;
using System.Globalization;

namespace Signalling.Sip.Sdp;

/// <summary>
/// The <c>a=</c> lines of one level (session or media), in the order they were read or added,
/// with typed read and write access to the attributes RFC 3264 offer/answer relies on.
/// Writing a typed value replaces the first attribute of that name in place (so the order of
/// the others is kept) or appends one.
/// </summary>
public sealed class SdpAttributeList : IList<SdpAttribute>, IReadOnlyList<SdpAttribute>
{
    private readonly List<SdpAttribute> _items = [];

    /// <summary>The number of attributes.</summary>
    public int Count => _items.Count;

    /// <inheritdoc/>
    bool ICollection<SdpAttribute>.IsReadOnly => false;

    /// <summary>The attribute at an index.</summary>
    /// <param name="index">The index.</param>
    public SdpAttribute this[int index]
    {
        get => _items[index];
        set => _items[index] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The direction attribute at this level (RFC 8866 §6.7), or null when there is none.
    /// Setting null removes every direction attribute.
    /// </summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var a in _items)
            {
                if (TryGetDirection(a.Name, out var d))
                    return d;
            }

            return null;
        }

        set
        {
            var index = -1;
            for (var i = _items.Count - 1; i >= 0; i--)
            {
                if (!TryGetDirection(_items[i].Name, out _))
                    continue;
                if (index >= 0)
                    _items.RemoveAt(index);
                index = i;
            }

            if (value is not { } direction)
            {
                if (index >= 0)
                    _items.RemoveAt(index);
                return;
            }

            var attribute = new SdpAttribute(NameOf(direction));
            if (index >= 0)
                _items[index] = attribute;
            else
                _items.Add(attribute);
        }
    }

    /// <summary>
    /// <c>a=ptime</c> (RFC 8866 §6.4): the media time in milliseconds carried by one packet,
    /// or null when absent or not a positive number.
    /// </summary>
    public double? PacketTime
    {
        get => GetMilliseconds("ptime");
        set => SetMilliseconds("ptime", value);
    }

    /// <summary>
    /// <c>a=maxptime</c> (RFC 8866 §6.5): the most media time in milliseconds one packet may
    /// carry, or null when absent or not a positive number.
    /// </summary>
    public double? MaxPacketTime
    {
        get => GetMilliseconds("maxptime");
        set => SetMilliseconds("maxptime", value);
    }

    /// <summary>
    /// <c>a=rtcp</c> (RFC 3605 §2.1), or null when absent or malformed. Setting null removes it.
    /// </summary>
    public SdpRtcp? Rtcp
    {
        get => Find("rtcp") is { Value: { } v } && SdpRtcp.TryParse(v, out var rtcp) ? rtcp : null;
        set => Set("rtcp", value?.ToString());
    }

    /// <summary>Adds an attribute at the end.</summary>
    /// <param name="item">The attribute.</param>
    public void Add(SdpAttribute item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
    }

    /// <summary>Adds an attribute at the end.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value, or null for a property attribute.</param>
    /// <returns>The new attribute.</returns>
    public SdpAttribute Add(string name, string? value = null)
    {
        var attribute = new SdpAttribute(name, value);
        _items.Add(attribute);
        return attribute;
    }

    /// <summary>The first attribute with a name (compared ignoring ASCII case), or null.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The attribute, or null.</returns>
    public SdpAttribute? Find(string name)
    {
        foreach (var a in _items)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                return a;
        }

        return null;
    }

    /// <summary>Every attribute with a name (compared ignoring ASCII case), in order.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The attributes.</returns>
    public IEnumerable<SdpAttribute> FindAll(string name)
    {
        foreach (var a in _items)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                yield return a;
        }
    }

    /// <summary>
    /// Sets the value of the first attribute with a name and removes the others of that name;
    /// appends one when there is none. A null value removes them all.
    /// </summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The new value; null removes the attribute.</param>
    public void Set(string name, string? value)
    {
        var first = -1;
        for (var i = 0; i < _items.Count; i++)
        {
            if (!string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (first < 0 && value is not null)
            {
                first = i;
                _items[i].Value = value;
            }
            else
            {
                _items.RemoveAt(i--);
            }
        }

        if (first < 0 && value is not null)
            _items.Add(new SdpAttribute(name, value));
    }

    /// <summary>Removes every attribute with a name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>How many were removed.</returns>
    public int RemoveAll(string name) =>
        _items.RemoveAll(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every well-formed <c>a=rtpmap</c> at this level, in order (RFC 8866 §6.6).</summary>
    /// <returns>The rtpmaps.</returns>
    public IReadOnlyList<SdpRtpMap> GetRtpMaps()
    {
        var list = new List<SdpRtpMap>();
        foreach (var a in _items)
        {
            if (IsRtpMap(a, out var map))
                list.Add(map);
        }

        return list;
    }

    /// <summary>The <c>a=rtpmap</c> for a payload type, or null. See <see cref="SdpMedia.ResolveRtpMap"/> for static payload types.</summary>
    /// <param name="payloadType">The payload type.</param>
    /// <returns>The rtpmap, or null.</returns>
    public SdpRtpMap? FindRtpMap(int payloadType)
    {
        foreach (var a in _items)
        {
            if (IsRtpMap(a, out var map) && map.PayloadType == payloadType)
                return map;
        }

        return null;
    }

    /// <summary>Replaces the <c>a=rtpmap</c> of the same payload type in place, or appends one.</summary>
    /// <param name="rtpMap">The rtpmap.</param>
    public void SetRtpMap(SdpRtpMap rtpMap)
    {
        ArgumentException.ThrowIfNullOrEmpty(rtpMap.EncodingName);
        foreach (var a in _items)
        {
            if (IsRtpMap(a, out var map) && map.PayloadType == rtpMap.PayloadType)
            {
                a.Value = rtpMap.ToString();
                return;
            }
        }

        _items.Add(new SdpAttribute("rtpmap", rtpMap.ToString()));
    }

    /// <summary>The <c>a=fmtp</c> for a format, or null (RFC 8866 §6.15).</summary>
    /// <param name="format">The format, for RTP the payload type as text.</param>
    /// <returns>The fmtp, or null.</returns>
    public SdpFmtp? FindFmtp(string format)
    {
        foreach (var a in _items)
        {
            if (IsFmtp(a, out var fmtp) && string.Equals(fmtp.Format, format, StringComparison.Ordinal))
                return fmtp;
        }

        return null;
    }

    /// <summary>The <c>a=fmtp</c> for an RTP payload type, or null.</summary>
    /// <param name="payloadType">The payload type.</param>
    /// <returns>The fmtp, or null.</returns>
    public SdpFmtp? FindFmtp(int payloadType) => FindFmtp(payloadType.ToString(CultureInfo.InvariantCulture));

    /// <summary>Replaces the <c>a=fmtp</c> of the same format in place, or appends one.</summary>
    /// <param name="fmtp">The fmtp.</param>
    public void SetFmtp(SdpFmtp fmtp)
    {
        ArgumentException.ThrowIfNullOrEmpty(fmtp.Format);
        ArgumentNullException.ThrowIfNull(fmtp.Parameters);
        foreach (var a in _items)
        {
            if (IsFmtp(a, out var existing) && string.Equals(existing.Format, fmtp.Format, StringComparison.Ordinal))
            {
                a.Value = fmtp.ToString();
                return;
            }
        }

        _items.Add(new SdpAttribute("fmtp", fmtp.ToString()));
    }

    /// <summary>Removes every attribute.</summary>
    public void Clear() => _items.Clear();

    /// <inheritdoc/>
    public bool Contains(SdpAttribute item) => _items.Contains(item);

    /// <inheritdoc/>
    public void CopyTo(SdpAttribute[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>Enumerates the attributes in order without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public List<SdpAttribute>.Enumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator<SdpAttribute> IEnumerable<SdpAttribute>.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public int IndexOf(SdpAttribute item) => _items.IndexOf(item);

    /// <inheritdoc/>
    public void Insert(int index, SdpAttribute item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Insert(index, item);
    }

    /// <inheritdoc/>
    public bool Remove(SdpAttribute item) => _items.Remove(item);

    /// <inheritdoc/>
    public void RemoveAt(int index) => _items.RemoveAt(index);

    internal void AddParsed(SdpAttribute attribute) => _items.Add(attribute);

    internal static bool TryGetDirection(string name, out SdpDirection direction)
    {
        // RFC 8866 §6.7.
        if (string.Equals(name, "sendrecv", StringComparison.OrdinalIgnoreCase))
            direction = SdpDirection.SendRecv;
        else if (string.Equals(name, "sendonly", StringComparison.OrdinalIgnoreCase))
            direction = SdpDirection.SendOnly;
        else if (string.Equals(name, "recvonly", StringComparison.OrdinalIgnoreCase))
            direction = SdpDirection.RecvOnly;
        else if (string.Equals(name, "inactive", StringComparison.OrdinalIgnoreCase))
            direction = SdpDirection.Inactive;
        else
        {
            direction = default;
            return false;
        }

        return true;
    }

    private static string NameOf(SdpDirection direction) => direction switch
    {
        SdpDirection.SendRecv => "sendrecv",
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown SDP direction."),
    };

    private static bool IsRtpMap(SdpAttribute a, out SdpRtpMap map)
    {
        map = default;
        return string.Equals(a.Name, "rtpmap", StringComparison.OrdinalIgnoreCase) && a.Value is { } v && SdpRtpMap.TryParse(v, out map);
    }

    private static bool IsFmtp(SdpAttribute a, out SdpFmtp fmtp)
    {
        fmtp = default;
        return string.Equals(a.Name, "fmtp", StringComparison.OrdinalIgnoreCase) && a.Value is { } v && SdpFmtp.TryParse(v, out fmtp);
    }

    private double? GetMilliseconds(string name) =>
        Find(name) is { Value: { } v } &&
        double.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? ms
            : null;

    private void SetMilliseconds(string name, double? value)
    {
        if (value is { } ms && (!double.IsFinite(ms) || ms <= 0))
            throw new ArgumentOutOfRangeException(nameof(value), value, "A packet time is a positive number of milliseconds (RFC 8866 §6.4).");
        Set(name, value?.ToString(CultureInfo.InvariantCulture));
    }
}
