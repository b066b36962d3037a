import { availableParallelism } from 'node:os';
import { PHI_TYPES } from '../core/PhiEntity.ts';

const TYPES = PHI_TYPES.join(', ');
const CORES = Math.max(1, availableParallelism());

export const GENERAL_HELP = `hdm: find protected health information (PHI) in clinical text and mask it

Usage:
  hdm mask [FILE|-] [options]      print the text with its PHI masked
  hdm detect [FILE|-] [options]    print the PHI found, as Comprehend Medical DetectPHI JSON
  hdm detect --jsonl [FILE|-]      one line of spans per {"id","text"} line, streaming
  hdm mask-image IN [-o OUT]       cover the PHI written in an image (OCR, offline)
  hdm mask-image IN... -o OUT      the same for several images and folders, into folder OUT
  hdm help [COMMAND]               show help for a command

FILE is read as UTF-8; with '-' or no FILE, stdin is read.

Options:
  -h, --help       show help (also: hdm COMMAND --help)
  --version        print the version

Exit codes: 0 success, 1 bad input (missing file, invalid UTF-8, malformed
JSONL line, not a usable image) or internal error, 2 bad command line.
Messages never show input content; set HDM_DEBUG=1 for stack traces of internal errors.
`;

const SHARED_OPTIONS = `  --min-score N        drop findings scored below N, from 0 to 1 (default 0.5)
  --types LIST         only these types, comma-separated, any case (default: all):
                       ${TYPES}
  --mask-care-units    also treat generic care units and departments (MICU, the ED,
                       cath lab, bed 12) as ADDRESS; by default they are left alone, as
                       they name no one (named wards and room numbers are PHI either way)`;

export const MASK_HELP = `Usage: hdm mask [FILE|-] [options]

Prints FILE (or stdin) with every PHI finding replaced; all other text is unchanged.

Options:
  --style STYLE        type-label: [NAME], [DATE], ... (default)
                       character:  one mask character per character of the finding
                       fixed:      the same replacement text for every finding
  --char C             the mask character for --style character (implies it)
  --replacement TEXT   the replacement for --style fixed (implies it)
${SHARED_OPTIONS}
  --allow TERM         never mask TERM (repeat for more terms)
  --deny TERM          always mask TERM, found or not (repeat for more terms)
  --allow-file F       allow-list terms from F, one per line
  --deny-file F        deny-list terms from F, one per line
  -h, --help           show this help

Example:
  hdm mask --style character --deny "Ward 7" note.txt > note.masked.txt
`;

export const DETECT_HELP = `Usage: hdm detect [FILE|-] [options]
       hdm detect --jsonl [FILE|-] [options]

Prints the PHI found in FILE (or stdin) as Comprehend Medical's DetectPHI response,
{ "Entities": [ { Id, BeginOffset, EndOffset, Score, Text, Category, Type, Traits } ] },
with JavaScript string offsets (UTF-16 code units, end exclusive).

With --jsonl, reads one JSON object per line, {"id": "...", "text": "...", ...}, and
writes one line per record as soon as it is done:
  {"id": "...", "spans": [{"start": 0, "end": 4, "type": "NAME", "score": 0.9}]}
Blank lines are skipped; the first malformed line stops the run (exit code 1).
On a terminal, progress is shown on stderr.

Options:
  --jsonl              JSONL in, JSONL out (the evaluation format)
${SHARED_OPTIONS}
  -h, --help           show this help
`;

export const MASK_IMAGE_HELP = `Usage: hdm mask-image IN [-o OUT] [options]
       hdm mask-image IN... -o OUT [options]

Reads the words in the image IN (PNG, JPEG, TIFF or WebP) with OCR, finds PHI in them with the
same detector as 'hdm mask', and covers every word of each finding with a filled box. The output
has the input's format and size, EXIF orientation applied and all metadata removed. Everything
runs on this machine (tesseract.js with bundled English data); nothing is sent anywhere.

IN is a file, or '-' for stdin. OUT defaults to IN's name with '.masked' before the extension,
next to IN (scan.png -> scan.masked.png); '-' writes the image to stdout (the default for stdin).

Batches: with several INs, or a folder, OUT is required and is a folder (created if missing).
Folders are walked recursively (dot-files and dot-folders skipped); images are found by content,
and other files are skipped with a note on stderr. Each output keeps its input's name: a file
goes to OUT/NAME, a file in folder IN to OUT/<IN's name>/<path below IN>. A run that would write
over an input (OUT inside an input folder, an output that is an input, links resolved) or write
two images to one output is refused before any work (exit code 2). Pages go through one pool of
OCR workers; on a terminal, stderr shows pages done, pages/s and the time left. A bad image is
reported by name and the others go on; at the end a summary on stderr gives the pages masked
and failed, files skipped, words covered and PHI found by type, warnings and failures by file.

Options:
  -o, --output OUT     where to write the masked image ('-' for stdout); the folder, for a batch
  --findings FILE      also write the findings as JSON: [{ type, score, boundingBox, pixelBox }]
                       (boundingBox in ratios of the image size, pixelBox in pixels; never the text).
                       For a batch: JSON Lines, one line per masked page, in the order pages finish:
                       {"file": IN, "output": OUT/..., "findings": [...]}, written whole at the end
  --concurrency N      OCR workers for a batch, 1 to 64 (default: one per core, here ${CORES})
${SHARED_OPTIONS}
  --fill COLOUR        colour of the boxes: #rgb, #rrggbb, rgb(r, g, b) or a basic name (default #000000)
  -h, --help           show this help

Bad images (not an image, truncated, more than 20 MB or 50 million pixels, several pages) exit
with code 1 and one line on stderr; nothing is written. In a batch, the run goes on and exits
with code 1 if any page failed; skipped files (not images) do not fail it.

Examples:
  hdm mask-image scan.jpg --findings scan.findings.json
  hdm mask-image scans/ fax-0412.jpg -o masked/ --findings masked/findings.jsonl
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  mask: MASK_HELP,
  detect: DETECT_HELP,
  'mask-image': MASK_IMAGE_HELP,
};
