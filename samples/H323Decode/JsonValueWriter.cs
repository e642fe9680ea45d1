using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Signalling.H323.Messages;
using Signalling.H323.Per;

namespace Signalling.Samples.H323Decode;

/// <summary>
/// Writes a decoded value as indented JSON by walking its public properties: a SEQUENCE is an object of its
/// present components, a CHOICE is an object with the one chosen alternative (X.680 §29), a SEQUENCE OF an
/// array, OCTET STRINGs and open types hex, BIT STRINGs their length and hex bits, ENUMERATED values their
/// name. Components that are absent (null) are left out.
/// </summary>
public static class JsonValueWriter
{
    /// <summary>Writes a value.</summary>
    /// <param name="value">The value (a generated type, a view, a list or a primitive).</param>
    /// <returns>The indented JSON text.</returns>
    public static string Write(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, MaxDepth = 4096 }))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong big:
                writer.WriteNumberValue(big);
                break;
            case Enum named:
                writer.WriteStringValue(named.ToString());
                break;
            case byte[] octets:
                writer.WriteStringValue(Convert.ToHexString(octets));
                break;
            case ReadOnlyMemory<byte> memory:
                writer.WriteStringValue(Convert.ToHexString(memory.Span));
                break;
            case PerOpenType open:
                writer.WriteStringValue(open.ToString());
                break;
            case AsnBitString bits:
                writer.WriteStartObject();
                writer.WriteNumber("length", bits.Length);
                writer.WriteString("bits", Convert.ToHexString(bits.Bits.Span));
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteComposite(writer, value);
                break;
        }
    }

    private static void WriteComposite(Utf8JsonWriter writer, object value)
    {
        var type = value.GetType();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        writer.WriteStartObject();

        // A generated CHOICE has a read-only Kind and one read-only accessor per alternative; a SEQUENCE
        // has settable components.
        var kind = properties.FirstOrDefault(p => p.Name == "Kind" && p.PropertyType.IsEnum);
        if (kind is not null && properties.All(p => p.SetMethod is null || !p.SetMethod.IsPublic))
        {
            var chosen = kind.GetValue(value)?.ToString() ?? "";
            if (chosen == "UnknownExtension")
            {
                writer.WriteStartObject("unknownExtension");
                writer.WriteNumber("index", (int)(type.GetProperty("UnknownExtensionIndex")?.GetValue(value) ?? -1));
                writer.WritePropertyName("encoding");
                WriteValue(writer, type.GetProperty("UnknownExtensionEncoding")?.GetValue(value));
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName(CamelCase(chosen));
                WriteValue(writer, type.GetProperty(chosen)?.GetValue(value)); // a NULL alternative has no accessor
            }

            writer.WriteEndObject();
            return;
        }

        foreach (var property in properties)
        {
            var component = property.GetValue(value);
            if (component is null)
            {
                continue;
            }

            writer.WritePropertyName(CamelCase(property.Name));
            WriteValue(writer, component);
        }

        writer.WriteEndObject();
    }

    private static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
