/** Colour for terminal output: on only for a TTY, off with NO_COLOR or --no-color, forced with FORCE_COLOR or --color. */
import pc from "picocolors";
import type { Io } from "./io";

export type Colors = ReturnType<typeof pc.createColors>;

export function colorsFor(io: Io, flag: boolean | undefined): Colors {
  let enabled = io.isTTY && io.env.TERM !== "dumb";
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") enabled = true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") enabled = false;
  if (flag !== undefined) enabled = flag;
  return pc.createColors(enabled);
}
