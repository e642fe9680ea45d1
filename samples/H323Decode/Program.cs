// H323Decode: look inside H.323 bytes. Reads lines "KIND HEX" from standard input and prints each decoded
// message as indented JSON, or with --reencode one line "KIND HEX" (or "KIND ERROR <reason>") per input line.
//   echo "ras 0f80..." | dotnet run --project samples/H323Decode [-- --reencode]
using Signalling.Samples.H323Decode;

var reencode = args.Contains("--reencode", StringComparer.Ordinal);
var tool = new H323DecodeTool(reencode);
try
{
    using var input = Console.In;
    while (input.ReadLine() is { } line)
    {
        Console.Out.WriteLine(tool.ProcessLine(line));
    }
}
catch (IOException e)
{
    Console.Error.WriteLine($"cannot read input: {e.Message}");
    return 2;
}

return 0;
