/**
 * A loopback ComfyUI server (comfyanonymous/ComfyUI server.py): `POST /prompt` validates an
 * API-format graph (node types, links, checkpoint and LoRA files on "disk", uploaded inputs) and
 * queues it under the client's `prompt_id` or a new one; one prompt runs at a time, like one GPU;
 * `GET /queue`, `POST /queue {delete|clear}`, `POST /interrupt`, `GET /history/{id}` with outputs
 * and status messages, `GET /view` for files (path traversal refused) and `POST /upload/image`.
 * ComfyUI itself has no auth; `token` emulates a proxy in front of it that wants a bearer token, and
 * `basicAuth` one that wants HTTP Basic credentials (nginx `auth_basic`), given in COMFYUI_URL.
 */
import { randomUUID } from 'node:crypto';
import type { FaultPlan } from './fault-plan';
import { jsonBody, SimServer, type SimAnswer, type SimRequest } from './sim-http';
import { SubmissionLedger, submissionKey } from './submission-ledger';
import { renderSimulatedImage } from './synthetic-image';

export interface ComfySimulatorOptions {
  /** Time one prompt takes on the GPU. */
  runMs?: number;
  token?: string;
  /** HTTP Basic credentials a proxy in front wants (401 with WWW-Authenticate without them). */
  basicAuth?: { user: string; password: string };
  faults?: FaultPlan;
  imageMaxSide?: number;
  checkpoints?: string[];
  loras?: string[];
  /** Decides whether a prompt fails while executing (e.g. out of memory). */
  fails?: (graph: Graph) => boolean;
}

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

interface QueueItem {
  number: number;
  id: string;
  graph: Graph;
  clientId: string;
}

const KNOWN_NODES = new Set(['CheckpointLoaderSimple', 'LoraLoader', 'LoraLoaderModelOnly', 'CLIPTextEncode', 'EmptyLatentImage', 'KSampler', 'VAEDecode', 'VAEEncode', 'SaveImage', 'LoadImage']);

export class ComfySimulator {
  readonly ledger = new SubmissionLedger();
  /** Prompt ids seen by POST /prompt, in order (a duplicate id is a duplicate submission). */
  readonly promptIds: string[] = [];
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  private readonly history = new Map<string, unknown>();
  private readonly pending: QueueItem[] = [];
  private running: (QueueItem & { timer: NodeJS.Timeout }) | undefined;
  private number = 0;
  private server!: SimServer;

  private constructor(private readonly options: ComfySimulatorOptions) {}

  static async start(options: ComfySimulatorOptions = {}): Promise<ComfySimulator> {
    const sim = new ComfySimulator(options);
    sim.server = await SimServer.start(
      [
        { method: 'POST', pattern: /^\/prompt$/, callType: 'create', handle: (r) => sim.guard(r) ?? sim.prompt(r) },
        { method: 'GET', pattern: /^\/queue$/, callType: 'read', handle: (r) => sim.guard(r) ?? sim.queue() },
        { method: 'POST', pattern: /^\/queue$/, callType: 'cancel', handle: (r) => sim.guard(r) ?? sim.editQueue(r) },
        { method: 'POST', pattern: /^\/interrupt$/, callType: 'cancel', handle: (r) => sim.guard(r) ?? sim.interrupt(r) },
        { method: 'GET', pattern: /^\/history\/([\w-]+)$/, callType: 'read', handle: (r) => sim.guard(r) ?? sim.historyOf(r.params[0]) },
        { method: 'GET', pattern: /^\/view$/, callType: 'download', handle: (r) => sim.guard(r) ?? sim.view(r) },
        { method: 'POST', pattern: /^\/upload\/image$/, callType: 'upload', handle: (r) => sim.guard(r) ?? sim.upload(r) },
      ],
      options.faults,
    );
    return sim;
  }

  get url(): string {
    return this.server.url;
  }

  get requests() {
    return this.server.log;
  }

  env(): Record<string, string> {
    const basic = this.options.basicAuth;
    const url = basic ? this.server.url.replace('://', `://${encodeURIComponent(basic.user)}:${encodeURIComponent(basic.password)}@`) : this.server.url;
    return { COMFYUI_URL: url, ...(this.options.token ? { COMFYUI_TOKEN: this.options.token } : {}) };
  }

  async close(): Promise<void> {
    if (this.running) clearTimeout(this.running.timer);
    await this.server.close();
  }

  private guard(req: SimRequest): SimAnswer | undefined {
    const basic = this.options.basicAuth;
    if (basic && req.headers.authorization !== `Basic ${Buffer.from(`${basic.user}:${basic.password}`).toString('base64')}`) {
      return { status: 401, body: Buffer.from('<html><body><h1>401 Authorization Required</h1></body></html>'), headers: { 'www-authenticate': 'Basic realm="comfyui"', 'content-type': 'text/html' } };
    }
    if (!this.options.token || req.headers.authorization === `Bearer ${this.options.token}`) return undefined;
    return { status: 401, body: { error: `proxy refused token ${String(req.headers.authorization ?? '').replace(/^Bearer /, '')}` } };
  }

  private prompt(req: SimRequest): SimAnswer {
    const body = jsonBody(req);
    const graph = body.prompt as Graph;
    const problem = this.validate(graph);
    if (problem) return { status: 400, body: { error: { type: 'prompt_outputs_failed_validation', message: problem, details: '' }, node_errors: {} } };
    const id = body.prompt_id === undefined ? randomUUID() : String(body.prompt_id);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return { status: 400, body: { error: { type: 'invalid_prompt', message: 'prompt_id is not a UUID' }, node_errors: {} } };
    this.promptIds.push(id);
    this.ledger.record(submissionKey(positivePrompt(graph), Object.values(graph).find((n) => n.class_type === 'KSampler')?.inputs.seed));
    this.pending.push({ number: this.number++, id, graph, clientId: String(body.client_id ?? '') });
    this.runNext();
    return { status: 200, body: { prompt_id: id, number: this.number - 1, node_errors: {} } };
  }

  private validate(graph: Graph): string | undefined {
    if (!graph || typeof graph !== 'object' || !Object.keys(graph).length) return 'Prompt has no nodes';
    for (const [id, node] of Object.entries(graph)) {
      if (!KNOWN_NODES.has(node?.class_type)) return `Cannot execute because node ${node?.class_type} does not exist.`;
      for (const [name, value] of Object.entries(node.inputs ?? {})) {
        if (Array.isArray(value) && typeof value[0] === 'string' && !graph[value[0]]) return `Node ${id} input ${name} links to missing node ${value[0]}`;
      }
      const i = node.inputs;
      if (node.class_type === 'CheckpointLoaderSimple' && !(this.options.checkpoints ?? ['flux1-dev-fp8.safetensors']).includes(String(i.ckpt_name))) return `Value not in list: ckpt_name: '${i.ckpt_name}'`;
      if (node.class_type.startsWith('LoraLoader') && this.options.loras && !this.options.loras.includes(String(i.lora_name))) return `Value not in list: lora_name: '${i.lora_name}'`;
      if (node.class_type === 'KSampler' && (!Number.isInteger(i.seed) || typeof i.steps !== 'number' || typeof i.cfg !== 'number')) return `Node ${id}: seed, steps and cfg must be numbers`;
      if (node.class_type === 'CLIPTextEncode' && typeof i.text !== 'string') return `Node ${id}: Required input is missing: text`;
      if (node.class_type === 'LoadImage' && !this.files.has(`input/${i.image}`)) return `Invalid image file: ${i.image}`;
    }
    return undefined;
  }

  private runNext(): void {
    if (this.running || !this.pending.length) return;
    const item = this.pending.shift()!;
    const timer = setTimeout(() => void this.complete(item), this.options.runMs ?? 30);
    this.running = { ...item, timer };
  }

  private async complete(item: QueueItem): Promise<void> {
    const started = ['execution_start', { prompt_id: item.id, timestamp: Date.now() }];
    if (this.options.fails?.(item.graph)) {
      const error = { prompt_id: item.id, node_id: '3', node_type: 'KSampler', exception_message: 'Allocation on device: CUDA out of memory', exception_type: 'torch.OutOfMemoryError', traceback: [] };
      this.record(item, {}, 'error', [started, ['execution_error', error]]);
    } else {
      const outputs: Record<string, { images: { filename: string; subfolder: string; type: string }[] }> = {};
      const latent = Object.values(item.graph).find((n) => n.class_type === 'EmptyLatentImage')?.inputs ?? {};
      const seed = Number(Object.values(item.graph).find((n) => n.class_type === 'KSampler')?.inputs.seed ?? 0);
      for (const [nodeId, node] of Object.entries(item.graph)) {
        if (node.class_type !== 'SaveImage') continue;
        const prefix = String(node.inputs.filename_prefix ?? 'ComfyUI');
        const [subfolder, base] = prefix.includes('/') ? [prefix.slice(0, prefix.lastIndexOf('/')), prefix.slice(prefix.lastIndexOf('/') + 1)] : ['', prefix];
        const images = [];
        for (let index = 0; index < Number(latent.batch_size ?? 1); index++) {
          const png = await renderSimulatedImage({ prompt: positivePrompt(item.graph), seed, index, width: Number(latent.width ?? 1024), height: Number(latent.height ?? 1024), maxSide: this.options.imageMaxSide });
          const filename = `${base}_${String(this.files.size + 1).padStart(5, '0')}_.png`;
          this.files.set(`output/${subfolder ? `${subfolder}/` : ''}${filename}`, { bytes: png, contentType: 'image/png' });
          images.push({ filename, subfolder, type: 'output' });
        }
        outputs[nodeId] = { images };
      }
      if (this.running?.id !== item.id) return;
      this.record(item, outputs, 'success', [started, ['execution_success', { prompt_id: item.id, timestamp: Date.now() }]]);
    }
    this.running = undefined;
    this.runNext();
  }

  private record(item: QueueItem, outputs: unknown, status: string, messages: unknown[]): void {
    this.history.set(item.id, {
      prompt: [item.number, item.id, item.graph, { client_id: item.clientId }, Object.keys(outputs as object)],
      outputs,
      status: { status_str: status, completed: status === 'success', messages },
      meta: {},
    });
  }

  private queue(): SimAnswer {
    const row = (q: QueueItem) => [q.number, q.id, q.graph, { client_id: q.clientId }, []];
    return { status: 200, body: { queue_running: this.running ? [row(this.running)] : [], queue_pending: this.pending.map(row) } };
  }

  private editQueue(req: SimRequest): SimAnswer {
    const body = jsonBody(req);
    if (body.clear) this.pending.length = 0;
    for (const id of Array.isArray(body.delete) ? body.delete : []) {
      const at = this.pending.findIndex((q) => q.id === id);
      if (at >= 0) this.pending.splice(at, 1);
    }
    return { status: 200 };
  }

  private interrupt(req: SimRequest): SimAnswer {
    const wanted = req.body.length ? jsonBody(req).prompt_id : undefined;
    const item = this.running;
    if (item && (wanted === undefined || wanted === item.id)) {
      clearTimeout(item.timer);
      this.record(item, {}, 'error', [['execution_start', { prompt_id: item.id }], ['execution_interrupted', { prompt_id: item.id, node_id: '3', node_type: 'KSampler' }]]);
      this.running = undefined;
      this.runNext();
    }
    return { status: 200 };
  }

  private historyOf(id: string): SimAnswer {
    const entry = this.history.get(id);
    return { status: 200, body: entry ? { [id]: entry } : {} };
  }

  private view(req: SimRequest): SimAnswer {
    const q = req.url.searchParams;
    const filename = q.get('filename') ?? '';
    const subfolder = q.get('subfolder') ?? '';
    const type = q.get('type') ?? 'output';
    if ([filename, subfolder].some((p) => p.includes('..') || p.startsWith('/')) || !['output', 'input', 'temp'].includes(type)) return { status: 403 };
    const file = this.files.get(`${type}/${subfolder ? `${subfolder}/` : ''}${filename}`);
    return file ? { status: 200, body: file.bytes, headers: { 'content-type': file.contentType } } : { status: 404 };
  }

  private async upload(req: SimRequest): Promise<SimAnswer> {
    const form = await new Request('http://sim/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: req.body }).formData();
    const image = form.get('image');
    if (!(image instanceof File)) return { status: 400 };
    const subfolder = String(form.get('subfolder') ?? '');
    const type = String(form.get('type') ?? 'input');
    if (subfolder.includes('..') || image.name.includes('/') || image.name.includes('..')) return { status: 400 };
    this.files.set(`${type}/${subfolder ? `${subfolder}/` : ''}${image.name}`, { bytes: new Uint8Array(await image.arrayBuffer()), contentType: image.type });
    return { status: 200, body: { name: image.name, subfolder, type } };
  }
}

/** The text of the CLIPTextEncode node wired to the sampler's `positive` input. */
function positivePrompt(graph: Graph): string {
  const sampler = Object.values(graph).find((n) => n.class_type === 'KSampler');
  const link = sampler?.inputs.positive;
  const node = Array.isArray(link) ? graph[String(link[0])] : undefined;
  return String(node?.inputs.text ?? '');
}
