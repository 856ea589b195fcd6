import type { ErrorCode } from "../../../../shared/errors.ts";
import type {
  RegisterFileRefusal,
  RegisterImported,
  RegisterPreview,
} from "../../../../shared/protocol/index.ts";
import { importRegister, previewRegister } from "./register-api.ts";

/**
 * One upload of the register: the file the organizer picked, what the server's preview says
 * of it, and its import. The same bytes go up twice, named by the SHA-256 the preview gave,
 * so what is saved is exactly what was previewed.
 */
export class RegisterUpload {
  file = $state.raw<File | null>(null);
  preview = $state.raw<RegisterPreview | null>(null);
  /** The server refused to read the file (or, at the import, to save it). */
  refusal = $state.raw<RegisterFileRefusal | null>(null);
  busy = $state<"reading" | "importing" | null>(null);

  constructor(private readonly token: () => string) {}

  /** Previews a picked file; resolves with an error code when the call itself failed. */
  async pick(file: File): Promise<ErrorCode | null> {
    this.file = file;
    this.preview = null;
    this.refusal = null;
    this.busy = "reading";
    const res = await previewRegister(this.token(), file);
    this.busy = null;
    if (this.file !== file) return null; // another file was picked meanwhile
    if (res.ok) this.preview = res.data;
    else if ("reason" in res) this.refusal = res;
    else {
      this.file = null;
      return res.error;
    }
    return null;
  }

  /** Saves the previewed file: its counts, or an error code (a refusal is kept to show). */
  async confirm(): Promise<RegisterImported | ErrorCode | null> {
    const { file, preview } = this;
    if (!file || !preview?.importable || this.busy) return null;
    this.busy = "importing";
    const res = await importRegister(this.token(), file, preview.fileSha256);
    this.busy = null;
    if (res.ok) {
      this.reset();
      return res.data;
    }
    if ("reason" in res) {
      this.preview = null;
      this.refusal = res;
      return null;
    }
    return res.error;
  }

  reset(): void {
    this.file = null;
    this.preview = null;
    this.refusal = null;
  }
}
