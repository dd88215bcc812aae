// A small page object over puppeteer-core for n8n 2.41.1's editor: what a person does with our nodes
// (find them in the node panel, add one from an action, set parameters, test a credential, run, read the
// output), with the selectors and quirks of that version in one place.
//
// Selectors are n8n's own `data-test-id`s wherever it has one (the ones its Playwright suite uses);
// what the editor put in the workflow is read from its Pinia store, the only place that says which
// node type, parameters and credential a click really produced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, ElementHandle, HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';

// ---------------------------------------------------------------------------------------------------
// The functions passed to page.evaluate run in the browser. The test program is compiled without the
// DOM lib (lib: es2022), so the few browser globals they use are declared here, for this module only.

interface DomElement {
	readonly innerText: string;
	readonly className: string;
	getAttribute(name: string): string | null;
	querySelector(selector: string): DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
	closest(selector: string): DomElement | null;
	matches(selector: string): boolean;
	getBoundingClientRect(): { x: number; y: number; width: number; height: number };
	click(): void;
}
interface PiniaStore {
	[key: string]: unknown;
}
declare const document: {
	querySelector(selector: string): DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
	getElementById(id: string): DomElement | null;
};
declare const window: { __smsToasts?: Toast[]; editorStores?: typeof editorStores; location: { pathname: string } };
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
	constructor(callback: (records: Array<{ addedNodes: ArrayLike<unknown> }>) => void);
	observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
}

// ---------------------------------------------------------------------------------------------------

/** A node as the editor's workflow store holds it. */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	issues?: unknown;
	/** A webhook node's id, which its URLs are built from (the editor gives one to every webhook node it adds). */
	webhookId?: string;
}

/** One entry of the node panel's result list. */
export interface PanelItem {
	/** 'node' for a node, 'action' for an action or trigger event, 'category', … */
	kind: string;
	/** The node type behind it, e.g. n8n-nodes-sms-verification.rentVerify. */
	nodeType: string;
	/** The first line: the node's display name or the action text. */
	title: string;
	description: string;
}

/** A toast (Element Plus notification) the editor showed, recorded as it appeared. */
export interface Toast {
	type: string;
	title: string;
	message: string;
}

/** A /rest/ request of the editor that n8n answered with a 5xx status. */
export interface ServerError {
	method: string;
	url: string;
	status: number;
	/** The request body (e.g. which node and method a dynamic-node-parameters request was for). */
	request?: string;
	response?: string;
}

export interface CredentialTest {
	/** What n8n's /rest/credentials/test answered: 'OK' or 'Error'. */
	status: string;
	message: string;
	/** The banner the credential modal showed after the test. */
	banner: 'success' | 'failure';
	bannerText: string;
}

export interface EditorOptions {
	baseUrl: string;
	executablePath: string;
	/** How long a single wait for the page may take (default 15 s); longer steps wait a multiple of it. */
	timeoutMs?: number;
}

const VIEWPORT = { width: 1600, height: 1000 };

const sel = {
	signInEmail: '[data-test-id="emailOrLdapLoginId"] input',
	signInPassword: '[data-test-id="password"] input',
	signInSubmit: '[data-test-id="form-submit-button"]',
	canvas: '[data-test-id="canvas-wrapper"]',
	// The sidebar's "+" and the entries of the menu it opens ("New workflow", "New credential", …).
	universalAdd: '[data-test-id="universal-add"]',
	navigationMenuItem: '[data-test-id="navigation-menu-item"]',
	// The big "Add first step" button of an empty canvas, and the "+" in the canvas corner.
	canvasPlus: '[data-test-id="canvas-plus-button"]',
	creatorPlus: '[data-test-id="node-creator-plus-button"]',
	creatorSearch: '[data-test-id="node-creator-search-bar"]',
	creatorItem: '[data-test-id="node-creator"] [data-test-id="item-iterator-item"]',
	canvasNode: (name: string) => `[data-test-id="canvas-node"][data-node-name=${JSON.stringify(name)}]`,
	ndv: '[data-test-id="ndv"]',
	ndvClose: '[data-test-id="ndv-close-button"]',
	ndvExecute: '[data-test-id="ndv"] [data-test-id="node-execute-button"]',
	// A webhook trigger's panel while n8n listens on its test URL.
	ndvListening: '[data-test-id="ndv"] [data-test-id="trigger-listening"]',
	ndvParametersTab: '[data-test-id="ndv"] [data-test-id="tab-params"]',
	param: (name: string) => `[data-test-id="ndv"] [data-test-id="parameter-input-${name}"]`,
	// An open resource locator list (teleported to the end of <body>, only while open): its search box,
	// entries and error. The list itself has no test id of its own in 2.41.1.
	rlcSearch: '[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]',
	rlcItem: '[data-test-id="rlc-item"]',
	rlcError: '[data-test-id="rlc-error-container"]',
	paramOptions: (name: string) => `[data-test-id="ndv"] [data-test-id="${name}-parameter-input-options-container"]`,
	credentialSlot: '[data-test-id="ndv"] [data-test-id="node-credentials-slot"]',
	credentialSelect: '[data-test-id="ndv"] [data-test-id="node-credentials-select"]',
	credentialEdit: '[data-test-id="ndv"] [data-test-id="credential-edit-button"]',
	credentialDialog: '[data-test-id="credential-edit-dialog"]',
	credentialSuccess: '[data-test-id="credential-edit-dialog"] [data-test-id="credentials-config-container-test-success"]',
	// The failure banner has no test id in 2.41.1: it is the danger-themed tag of the same container.
	credentialFailure: '[data-test-id="credential-edit-dialog"] [data-test-id="node-credentials-config-container"] .el-tag--danger',
	executeWorkflow: '[data-test-id="execute-workflow-button"]',
	outputData: '[data-test-id="output-panel"] [data-test-id="ndv-data-container"]',
	outputJsonMode: '[data-test-id="output-panel"] [data-test-id="radio-button-json"]',
	outputSuccess: '[data-test-id="output-panel"] [data-test-id="node-run-status-success"]',
	outputFailure: '[data-test-id="output-panel"] [data-test-id="node-run-status-danger"]',
	outputError: '[data-test-id="output-panel"] [data-test-id="node-error-message"]',
	toastClose: '.el-notification .el-notification__closeBtn',
	// n8n's confirmations (useMessage().confirm) are Element Plus message boxes.
	messageBox: '.el-message-box',
};

export class Editor {
	/** Every /rest/ response with a 5xx status the page received. */
	readonly serverErrors: ServerError[] = [];
	/** Uncaught exceptions of the editor's own code. */
	readonly pageErrors: string[] = [];
	/**
	 * Requests still in flight that the editor's state depends on: options loaded from the provider
	 * (dropdowns, lists) and the credential lists n8n (re)loads for a workflow.
	 */
	private readonly pending = { options: new Set<HTTPRequest>(), credentials: new Set<HTTPRequest>() };

	private constructor(
		readonly browser: Browser,
		readonly page: Page,
		private readonly options: Required<EditorOptions>,
	) {}

	static async launch(options: EditorOptions): Promise<Editor> {
		const opts: Required<EditorOptions> = { timeoutMs: 15_000, ...options };
		const browser = await puppeteer.launch({
			executablePath: opts.executablePath,
			headless: true,
			// Root in a container: Chromium's sandbox needs user namespaces it does not get there. /dev/shm
			// is often 64 MB in containers, too small for the editor's canvas.
			args: ['--no-sandbox', '--disable-dev-shm-usage', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
			defaultViewport: VIEWPORT,
			protocolTimeout: 120_000,
		});
		try {
			const page = (await browser.pages())[0] ?? (await browser.newPage());
			const editor = new Editor(browser, page, opts);
			await editor.instrument();
			return editor;
		} catch (error) {
			await browser.close();
			throw error;
		}
	}

	private get timeout(): number {
		return this.options.timeoutMs;
	}

	private async instrument(): Promise<void> {
		this.page.setDefaultTimeout(this.timeout);
		this.page.setDefaultNavigationTimeout(this.timeout * 2);
		this.page.on('response', (response: HTTPResponse) => {
			if (response.status() < 500 || !new URL(response.url()).pathname.startsWith('/rest/')) return;
			const entry: ServerError = {
				method: response.request().method(),
				url: response.url(),
				status: response.status(),
				request: response.request().postData()?.slice(0, 500),
			};
			this.serverErrors.push(entry);
			// What n8n answered says which error it was (its log has the message, not the request).
			response
				.text()
				.then((text) => (entry.response = text.slice(0, 2000)))
				.catch(() => {});
		});
		const kindOf = (request: HTTPRequest) => {
			const { pathname } = new URL(request.url());
			if (pathname.startsWith('/rest/dynamic-node-parameters/')) return this.pending.options;
			if (pathname.startsWith('/rest/credentials') && request.method() === 'GET') return this.pending.credentials;
			return undefined;
		};
		this.page.on('request', (request) => kindOf(request)?.add(request));
		for (const event of ['requestfinished', 'requestfailed'] as const) {
			this.page.on(event, (request) => kindOf(request)?.delete(request));
		}
		// A page load drops what the previous page had in flight, without an event for each request.
		this.page.on('framenavigated', (frame) => {
			if (frame !== this.page.mainFrame()) return;
			this.pending.options.clear();
			this.pending.credentials.clear();
		});
		// Leaving a workflow with unsaved changes asks "Leave site?" (beforeunload): leave.
		this.page.on('dialog', (dialog) => void dialog.accept().catch(() => {}));
		this.page.on('pageerror', (error) => this.pageErrors.push(String((error as Error).message ?? error)));
		// n8n 2.41 keeps a workflow's nodes in a per-document store, `workflowDocuments/<id>@latest`, and
		// the open workflow's id in the `workflows` store (older versions had the nodes in `workflows`).
		// Every page gets one helper that finds them, for the store reads below.
		await this.page.evaluateOnNewDocument(() => {
			window.editorStores = () => {
				const root = document.querySelector('#app') as unknown as {
					__vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, PiniaStore> } } } };
				} | null;
				const stores = root?.__vue_app__?.config.globalProperties.$pinia?._s;
				const id = stores?.get('workflows')?.workflowId as string | undefined;
				if (!stores || !id) return undefined;
				return {
					id,
					documentStore: stores.get(`workflowDocuments/${id}@latest`),
					executionStore: stores.get(`workflowExecutionStates/${id}@latest`),
				};
			};
		});
		// Toasts vanish after a few seconds (errors stay until closed, others do not): an observer records
		// each one as it is added, so a check later still sees one that came and went.
		await this.page.evaluateOnNewDocument(() => {
			const toasts: Toast[] = [];
			window.__smsToasts = toasts;
			const record = (element: DomElement) => {
				const icon = element.querySelector('.el-notification__icon');
				const type = /el-notification--(\w+)/.exec(icon?.className ?? '')?.[1] ?? 'info';
				toasts.push({
					type,
					title: element.querySelector('.el-notification__title')?.innerText.trim() ?? '',
					message: element.querySelector('.el-notification__content')?.innerText.trim() ?? '',
				});
			};
			new MutationObserver((records) => {
				for (const { addedNodes } of records) {
					for (const node of Array.from(addedNodes) as DomElement[]) {
						if (typeof node.matches !== 'function') continue;
						if (node.matches('.el-notification')) record(node);
						else Array.from(node.querySelectorAll('.el-notification')).forEach(record);
					}
				}
			}).observe(document, { childList: true, subtree: true });
		});
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	/**
	 * Back to a known state after a failed step (an NDV, modal or panel may be left open): the
	 * workflows list, loaded afresh.
	 */
	async recover(): Promise<void> {
		await this.page.goto(`${this.options.baseUrl}/home/workflows`, { waitUntil: 'domcontentloaded' });
		await this.waitForVisible(sel.universalAdd, this.timeout * 4);
	}

	// -------------------------------------------------------------------------------------------------
	// Session and workflows

	async login(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.options.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		await this.page.waitForSelector(sel.signInEmail, { visible: true });
		await this.page.type(sel.signInEmail, email);
		await this.page.type(sel.signInPassword, password);
		await this.page.click(sel.signInSubmit);
		// Where n8n goes after sign-in changes between versions (/home/workflows, /assistant): only
		// leaving /signin matters.
		await this.page.waitForFunction(() => !window.location.pathname.startsWith('/signin'), { timeout: this.timeout * 2 });
		// The sidebar is the sign that the signed-in app is loaded (≈ 15 s on two cores, the first time).
		await this.waitForVisible(sel.universalAdd, this.timeout * 4);
	}

	/**
	 * An empty workflow in the editor, from the sidebar's "+" → "New workflow" once the editor is loaded:
	 * loading /workflow/new again costs a full load of the editor (≈ 20 s on two cores). Either way n8n
	 * turns it into /workflow/<new id>?new=true.
	 */
	async newWorkflow(): Promise<void> {
		// The NDV and the node panel cover the sidebar.
		await this.closeNdv();
		await this.closePanel();
		const previous = await this.page.evaluate(() => editorStores()?.id ?? null);
		const deadline = Date.now() + this.timeout * 3;
		for (let attempt = 1; ; attempt++) {
			if (await this.isVisible(sel.universalAdd)) {
				await this.clickMenuItem(sel.universalAdd, 'New workflow');
			} else {
				await this.page.goto(`${this.options.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
			}
			const state = await this.page
				.waitForFunction(
					(before: string | null, box: string) => {
						// Leaving a workflow with changes n8n has not saved yet asks "Save changes before leaving?".
						const leave = Array.from(document.querySelectorAll(`${box} button`)).find(
							(button) => button.innerText.trim() === 'Leave without saving' && button.getBoundingClientRect().height > 0,
						);
						if (leave) return 'asked';
						const id = editorStores()?.id;
						return id && id !== before && editorStores()?.documentStore && window.location.pathname === `/workflow/${id}` ? 'opened' : null;
					},
					{ timeout: Math.min(this.timeout, Math.max(1, deadline - Date.now())) },
					previous,
					sel.messageBox,
				)
				.then((handle) => handle.jsonValue())
				.catch(() => 'nothing');
			if (state === 'asked') {
				await this.clickButton(sel.messageBox, 'Leave without saving');
				await this.page.waitForSelector(sel.messageBox, { hidden: true });
				continue;
			}
			if (state === 'opened') break;
			if (attempt === 3 || Date.now() > deadline) throw new Error(`no new workflow opened after ${attempt} attempts`);
		}
		await this.waitForVisible(sel.canvasPlus, this.timeout * 2);
		await this.saveWorkflow();
	}

	/**
	 * Saves the open workflow (Ctrl+S on the canvas) and waits until n8n has.
	 *
	 * A new workflow is saved by n8n itself a moment after its first node was added, and saving it
	 * makes n8n reload the credentials it offers (for the workflow rather than the project), emptying
	 * the list meanwhile: a node added during that reload gets no credential. Saving the empty workflow
	 * right away takes that reload out of the way of the nodes added next.
	 */
	async saveWorkflow(): Promise<void> {
		const canvas = await this.page.$(sel.canvas);
		const box = await canvas?.boundingBox();
		if (!box) throw new Error('no canvas to focus for saving');
		await this.page.mouse.click(box.x + 40, box.y + box.height - 120);
		await this.page.keyboard.down('Control');
		await this.page.keyboard.press('KeyS');
		await this.page.keyboard.up('Control');
		await this.page.waitForFunction(
			() => {
				const root = document.querySelector('#app') as unknown as {
					__vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, PiniaStore> } } } };
				} | null;
				const workflows = root?.__vue_app__?.config.globalProperties.$pinia?._s.get('workflows');
				const id = workflows?.workflowId as string | undefined;
				const saved = workflows?.isWorkflowSaved as Record<string, boolean> | undefined;
				return Boolean(id && workflows?.isNewWorkflow === false && saved?.[id]);
			},
			{ timeout: this.timeout },
		);
	}

	/**
	 * Opens a menu with `trigger` and clicks its entry `text` once the menu stopped moving: its entries
	 * fade and slide in, and a click during that goes unanswered.
	 */
	private async clickMenuItem(trigger: string, text: string): Promise<void> {
		const open = await this.page.evaluate(
			(selector: string, label: string) =>
				Array.from(document.querySelectorAll(selector)).some((e) => e.innerText.trim() === label && e.getBoundingClientRect().height > 0),
			sel.navigationMenuItem,
			text,
		);
		if (!open) await this.page.click(trigger);
		await this.clickVisibleWithText(sel.navigationMenuItem, text);
	}

	/** Clicks the visible element matching `selector` whose text is `text`, once it stopped moving (menus zoom in). */
	private async clickVisibleWithText(selector: string, text: string): Promise<void> {
		const item = await this.page.waitForFunction(
			(candidates: string, label: string) =>
				Array.from(document.querySelectorAll(candidates)).find(
					(element) => element.innerText.trim() === label && element.getBoundingClientRect().height > 0,
				) ?? null,
			{ timeout: this.timeout },
			selector,
			text,
		);
		const handle = item.asElement() as ElementHandle;
		await this.waitForStill(handle);
		await handle.click();
	}

	/** Waits (a second at most) until an element is at the same place in two reads 50 ms apart. */
	private async waitForStill(handle: ElementHandle): Promise<void> {
		let box = await handle.boundingBox();
		for (let i = 0; i < 20; i++) {
			await sleep(50);
			const next = await handle.boundingBox();
			if (box && next && box.x === next.x && box.y === next.y && box.width === next.width) return;
			box = next;
		}
	}

	/** The nodes of the open workflow, as the editor's store holds them. */
	async workflowNodes(): Promise<WorkflowNode[]> {
		return await this.page.evaluate(() => {
			const store = editorStores()?.documentStore;
			if (!store) throw new Error('the editor has no open workflow');
			return JSON.parse(JSON.stringify(store.allNodes)) as WorkflowNode[];
		});
	}

	async workflowNode(name: string): Promise<WorkflowNode> {
		const node = (await this.workflowNodes()).find((n) => n.name === name);
		if (!node) throw new Error(`no node named "${name}" in the workflow`);
		return node;
	}

	// -------------------------------------------------------------------------------------------------
	// The node panel (node creator)

	/**
	 * Opens the node panel. On an empty canvas it opens on triggers ("What triggers this workflow?"),
	 * where a node's trigger events are listed and its actions folded; once the workflow has a node it
	 * opens on "What happens next?", where actions are listed and triggers folded.
	 */
	async openPanel(): Promise<void> {
		// The panel slides in and out. Right after it closed (e.g. once a node was added) a click on "+"
		// can go unanswered, and n8n may open it again by itself after a trigger was added: so "open" is
		// a search box that stays put, and "+" is clicked again until then, a few times at most.
		for (let attempt = 1; ; attempt++) {
			if ((await this.isVisible(sel.creatorSearch)) && (await this.waitForSettled(sel.creatorSearch, 2000))) return;
			const plus = (await this.isVisible(sel.canvasPlus)) ? sel.canvasPlus : (await this.isVisible(sel.creatorPlus)) ? sel.creatorPlus : undefined;
			if (plus) await this.page.click(plus);
			if (await this.waitForSettled(sel.creatorSearch, 2000)) return;
			if (attempt === 3) throw new Error(`the node panel did not open after ${attempt} attempts`);
		}
	}

	private async waitForSettled(selector: string, timeoutMs: number): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (await this.isSettled(selector)) return true;
			if (Date.now() > deadline) return false;
			await sleep(100);
		}
	}

	/** Visible, and at the same place over three animation frames (not sliding in or out). */
	private async isSettled(selector: string): Promise<boolean> {
		return await this.page.evaluate(async (s: string) => {
			const place = () => {
				const box = document.querySelector(s)?.getBoundingClientRect();
				return box && box.width > 0 && box.height > 0 ? `${box.x},${box.y},${box.width}` : '';
			};
			const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
			const first = place();
			for (let i = 0; i < 3; i++) {
				await frame();
				if (place() !== first) return false;
			}
			return first !== '';
		}, selector);
	}

	/** Opens the node panel from the "+" of a node's output: the node added next is connected to it. */
	async openPanelAfter(nodeName: string): Promise<void> {
		await this.closeNdv();
		const plus = await this.page.waitForSelector(
			`[data-test-id="canvas-node-output-handle"][data-node-name=${JSON.stringify(nodeName)}] [data-test-id="canvas-handle-plus"]`,
			{ visible: true },
		);
		await plus!.click();
		if (!(await this.waitForSettled(sel.creatorSearch, this.timeout))) throw new Error(`the node panel did not open from "${nodeName}"`);
	}

	async closePanel(): Promise<void> {
		if (!(await this.isVisible(sel.creatorSearch))) return;
		// Escape closes the panel, except when its search found nothing (no item has the keyboard
		// focus then); a click on the canvas beside it closes it too.
		await this.page.keyboard.press('Escape');
		const closed = await this.page
			.waitForSelector(sel.creatorSearch, { hidden: true, timeout: 1500 })
			.then(() => true)
			.catch(() => false);
		if (closed) return;
		const canvas = await this.page.$(sel.canvas);
		const box = await canvas?.boundingBox();
		if (!box) throw new Error('no canvas to click beside the node panel');
		await this.page.mouse.click(box.x + 60, box.y + box.height / 2);
		await this.page.waitForSelector(sel.creatorSearch, { hidden: true });
	}

	/** Types into the panel's search box (replacing what was there) and returns the results. */
	async search(text: string): Promise<PanelItem[]> {
		await this.openPanel();
		// Focused rather than clicked: the panel may still re-render under the pointer.
		await this.page.focus(sel.creatorSearch);
		await this.selectAllAndDelete();
		await this.page.type(sel.creatorSearch, text);
		// The search box is debounced: the results are the typed text's once the panel's view stack
		// (store nodeCreatorViewStacks) holds it as its search.
		await this.page.waitForFunction(
			(typed: string) => {
				const root = document.querySelector('#app') as unknown as {
					__vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, PiniaStore> } } } };
				} | null;
				const viewStacks = root?.__vue_app__?.config.globalProperties.$pinia?._s.get('nodeCreatorViewStacks');
				const stack = viewStacks?.activeViewStack as { search?: string } | undefined;
				return stack?.search?.trim() === typed.trim();
			},
			{ timeout: this.timeout },
			text,
		);
		return await this.panelItems();
	}

	/**
	 * The panel's items once they stopped changing. The list is re-rendered a few frames after each
	 * keystroke (long lists are rendered a slice per animation frame), so "settled" is the same list
	 * read three times in a row, 100 ms apart.
	 */
	async panelItems(): Promise<PanelItem[]> {
		let last = '';
		let same = 0;
		const deadline = Date.now() + this.timeout;
		for (;;) {
			const items = await this.page.evaluate((itemSelector) => {
				return Array.from(document.querySelectorAll(itemSelector)).map((element) => {
					const lines = element.innerText.split('\n').map((line) => line.trim()).filter(Boolean);
					return {
						kind: element.getAttribute('data-keyboard-nav-type') ?? '',
						// The id is `<node type>-<uuid>`: the type is what is before the uuid.
						nodeType: (element.getAttribute('data-keyboard-nav-id') ?? '').replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, ''),
						title: lines[0] ?? '',
						description: lines.slice(1).join(' '),
					};
				});
			}, sel.creatorItem);
			const key = JSON.stringify(items);
			same = key === last ? same + 1 : 0;
			last = key;
			if (same >= 2) return items;
			if (Date.now() > deadline) throw new Error(`the node panel's results did not settle within ${this.timeout} ms`);
			await sleep(100);
		}
	}

	/**
	 * Clicks the panel entry of one of `nodeTypes` in the current results, which opens its actions.
	 * A node and its trigger (`x` and `xTrigger`) share one entry, so a caller after either passes both.
	 */
	async openPanelEntry(nodeTypes: string[]): Promise<void> {
		const handle = await this.findPanelItem((item) => item.kind === 'node' && nodeTypes.includes(item.nodeType));
		if (!handle) {
			const items = await this.panelItems();
			throw new Error(`no panel entry for ${nodeTypes.join(' / ')}; the panel lists: ${describe(items)}`);
		}
		await handle.click();
		await this.page.waitForSelector(`${sel.creatorItem}[data-keyboard-nav-type="action"]`, { visible: true });
	}

	/** The action (or trigger event) items of the entry opened with openPanelEntry. */
	async panelActions(): Promise<PanelItem[]> {
		return (await this.panelItems()).filter((item) => item.kind === 'action');
	}

	/**
	 * Clicks an action of an opened entry and returns the node it added. n8n adds the node, names it
	 * after the action text, assigns a credential of the node's type when one exists, and opens its NDV.
	 */
	async clickAction(nodeType: string, actionText: string): Promise<WorkflowNode> {
		// n8n gives a new node a credential only from the credentials it has loaded for the workflow; a
		// node added while that list is (re)loading gets none ("Connect to …" instead).
		await this.waitForCredentialList();
		const before = new Set((await this.workflowNodes()).map((n) => n.id));
		const handle = await this.findPanelItem(
			(item) => item.kind === 'action' && item.nodeType === nodeType && item.title === actionText,
		);
		if (!handle) {
			const actions = await this.panelActions();
			throw new Error(`no action "${actionText}" of ${nodeType}; the panel lists: ${describe(actions)}`);
		}
		await handle.click();
		await this.page.waitForSelector(sel.ndv, { visible: true });
		// The first node of a type in a workflow gets its credential from the NDV once it shows: the NDV
		// reloads the credentials usable in the workflow, shows "Connect to …" meanwhile, then selects
		// the one there is. So: the reload over, then a credential in the field, 5 s at most; a node
		// that gets none is read without one.
		await this.waitForCredentialList();
		await this.page
			.waitForFunction(
				(slot: string) => {
					const field = document.querySelector(slot);
					if (!field) return true; // a node without credentials
					const input = field.querySelector('[data-test-id="node-credentials-select"] input') as unknown as { value?: string } | null;
					return Boolean(input?.value);
				},
				{ timeout: 5000 },
				sel.credentialSlot,
			)
			.catch(() => {});
		const added = (await this.workflowNodes()).filter((n) => !before.has(n.id));
		if (added.length === 0) throw new Error(`clicking "${actionText}" added no node`);
		// Clicking an action on an empty canvas also adds a Manual Trigger in front of it.
		return added.find((n) => n.type === nodeType) ?? added[added.length - 1];
	}

	/**
	 * Adds a node that has no actions in the panel (a trigger with no events to choose, such as a
	 * webhook trigger): search, click its entry, then "Add to workflow" in the details n8n shows for a
	 * community node. Returns the node added, once its NDV is open.
	 */
	async addNodeFromEntry(query: string, nodeType: string): Promise<WorkflowNode> {
		await this.waitForCredentialList();
		const before = new Set((await this.workflowNodes()).map((n) => n.id));
		await this.search(query);
		const handle = await this.findPanelItem((item) => item.kind === 'node' && item.nodeType === nodeType);
		if (!handle) throw new Error(`no panel entry for ${nodeType}; the panel lists: ${describe(await this.panelItems())}`);
		await handle.click();
		// A community node's entry opens its details in the panel first, with "Add to workflow".
		await this.clickButton('[data-test-id="node-creator"]', 'Add to workflow');
		await this.page.waitForSelector(sel.ndv, { visible: true });
		await this.waitForCredentialList();
		const added = (await this.workflowNodes()).filter((n) => !before.has(n.id));
		const node = added.find((n) => n.type === nodeType);
		if (!node) throw new Error(`clicking ${nodeType}'s entry added ${added.map((n) => n.type).join(', ') || 'no node'}`);
		return node;
	}

	/** Search, open the entry and click the action: what a person does to add a node. */
	async addNodeFromAction(
		query: string,
		nodeType: string,
		actionText: string,
		{ after, entryTypes = entryTypesOf(nodeType) }: { after?: string; entryTypes?: string[] } = {},
	): Promise<WorkflowNode> {
		if (after) await this.openPanelAfter(after);
		await this.search(query);
		await this.openPanelEntry(entryTypes);
		return await this.clickAction(nodeType, actionText);
	}

	/** Adds the Manual Trigger ("Trigger manually"), so the panel opens on actions from then on. */
	async addManualTrigger(): Promise<WorkflowNode> {
		await this.search('Manual Trigger');
		const before = new Set((await this.workflowNodes()).map((n) => n.id));
		const handle = await this.findPanelItem((item) => item.nodeType === 'n8n-nodes-base.manualTrigger');
		if (!handle) throw new Error('the node panel does not list the Manual Trigger');
		await handle.click();
		await this.page.waitForFunction(
			(ids: string[]) => (editorStores()?.documentStore?.allNodes as Array<{ id: string }> | undefined)?.some((n) => !ids.includes(n.id)),
			{},
			[...before],
		);
		const node = (await this.workflowNodes()).find((n) => !before.has(n.id))!;
		// The Manual Trigger opens no NDV, but the panel closes; make sure nothing is left open.
		await this.closePanel();
		return node;
	}

	/**
	 * The first item matching `match`, read off its own element (the list may change between reads),
	 * once it stopped moving: entries slide in when a view opens, and a click during the slide can miss.
	 */
	private async findPanelItem(match: (item: PanelItem) => boolean): Promise<ElementHandle | undefined> {
		await this.panelItems();
		for (const handle of await this.page.$$(sel.creatorItem)) {
			const item = await handle.evaluate((node: unknown) => {
				const element = node as DomElement;
				const lines = element.innerText.split('\n').map((line) => line.trim()).filter(Boolean);
				return {
					kind: element.getAttribute('data-keyboard-nav-type') ?? '',
					nodeType: (element.getAttribute('data-keyboard-nav-id') ?? '').replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, ''),
					title: lines[0] ?? '',
					description: lines.slice(1).join(' '),
				};
			});
			if (!match(item)) continue;
			await this.waitForStill(handle);
			return handle;
		}
		return undefined;
	}

	// -------------------------------------------------------------------------------------------------
	// Canvas and NDV

	async openNode(name: string): Promise<void> {
		const node = await this.page.waitForSelector(sel.canvasNode(name), { visible: true });
		const box = await node!.boundingBox();
		if (!box) throw new Error(`node "${name}" is not on screen`);
		// A double click opens the NDV (puppeteer calls the click count `count`).
		await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { count: 2 });
		await this.page.waitForSelector(sel.ndv, { visible: true });
	}

	async isNdvOpen(): Promise<boolean> {
		return await this.isVisible(sel.ndv);
	}

	async closeNdv(): Promise<void> {
		if (!(await this.isNdvOpen())) return;
		await this.page.click(sel.ndvClose);
		await this.page.waitForSelector(sel.ndv, { hidden: true });
	}

	/** Deletes a node with the delete button of its canvas toolbar (shown on hover). */
	async deleteNode(name: string): Promise<void> {
		await this.closeNdv();
		const node = await this.page.waitForSelector(sel.canvasNode(name), { visible: true });
		await node!.hover();
		const button = await this.page.waitForSelector(`${sel.canvasNode(name)} [data-test-id="delete-node-button"]`, { visible: true });
		await button!.click();
		await this.page.waitForSelector(sel.canvasNode(name), { hidden: true });
	}

	// -------------------------------------------------------------------------------------------------
	// Parameters (of the node whose NDV is open)

	/**
	 * Picks `label` from a resource locator's list, as a person does: open the list (which loads it from
	 * the provider then), type `search` to narrow it, click the entry. Resolves once the node holds the
	 * entry's `value` in list mode; a list that shows an error fails with the error n8n shows.
	 */
	async pickFromList(nodeName: string, parameter: string, search: string, label: string, value: string): Promise<void> {
		await this.page.click(`${sel.param(parameter)} [data-test-id="rlc-input"]`);
		// Only the open list is in the page: its search box, entries and error are found by their ids.
		const searchBox = await this.waitForVisible(sel.rlcSearch);
		await searchBox.type(search);
		const found = await this.page
			.waitForFunction(
				(itemSelector: string, errorSelector: string, text: string) => {
					const visible = (e: DomElement) => e.getBoundingClientRect().height > 0;
					const error = Array.from(document.querySelectorAll(errorSelector)).find(visible);
					if (error) return { error: error.innerText.trim() };
					const item = Array.from(document.querySelectorAll(itemSelector)).find((i) => visible(i) && i.innerText.trim() === text);
					return item ? { error: null } : null;
				},
				{ timeout: this.timeout * 2 },
				sel.rlcItem,
				sel.rlcError,
				label,
			)
			.then(async (handle) => (await handle.jsonValue()) as { error: string | null })
			.catch(async () => {
				const shown = await this.page.evaluate(
					(itemSelector: string) => Array.from(document.querySelectorAll(itemSelector)).map((i) => i.innerText.trim()),
					sel.rlcItem,
				);
				throw new Error(`the list of "${parameter}" shows no "${label}" after searching "${search}"; it has: ${shown.join(', ') || 'nothing'}`);
			});
		if (found.error !== null) throw new Error(`the list of "${parameter}" shows an error: ${found.error}`);
		await this.clickVisibleWithText(sel.rlcItem, label);
		await this.page
			.waitForFunction(
				(name: string, key: string, want: string) => {
					const nodes = editorStores()?.documentStore?.allNodes as Array<{ name: string; parameters: Record<string, unknown> }> | undefined;
					const held = nodes?.find((n) => n.name === name)?.parameters[key] as { mode?: string; value?: unknown } | undefined;
					return held?.mode === 'list' && held.value === want;
				},
				{ timeout: this.timeout },
				nodeName,
				parameter,
				value,
			)
			.catch(async () => {
				const node = await this.workflowNode(nodeName);
				throw new Error(`parameter "${parameter}" of "${nodeName}" is ${JSON.stringify(node.parameters[parameter])} after picking "${label}"`);
			});
	}

	/** Waits until no options request has been in flight for 300 ms. */
	async waitForOptionRequests(): Promise<void> {
		await this.waitForQuiet(this.pending.options, 'options');
	}

	private async waitForQuiet(requests: Set<HTTPRequest>, what: string): Promise<void> {
		const deadline = Date.now() + this.timeout;
		let quietSince = Date.now();
		for (;;) {
			if (requests.size > 0) quietSince = Date.now();
			else if (Date.now() - quietSince >= 300) return;
			if (Date.now() > deadline) {
				const pending = [...requests].map((r) => `${r.url()} ${r.postData()?.slice(0, 200) ?? ''}`);
				throw new Error(`${what} requests still running after ${this.timeout} ms: ${pending.join('; ')}`);
			}
			await sleep(50);
		}
	}

	async setNumber(parameter: string, value: number): Promise<void> {
		await this.page.click(`${sel.param(parameter)} input`);
		// Typing over the selection: an emptied number field snaps back to its previous value.
		await this.selectAll();
		await this.page.keyboard.type(String(value));
		await this.page.keyboard.press('Enter');
	}

	async setText(parameter: string, value: string): Promise<void> {
		await this.page.click(`${sel.param(parameter)} input, ${sel.param(parameter)} textarea`);
		await this.selectAllAndDelete();
		await this.page.keyboard.type(value);
		await this.page.keyboard.press('Tab');
	}

	/**
	 * Sets a resource locator to `mode` (e.g. 'id') with an expression, e.g. `$json.id`, the way a person
	 * does: pick the mode, switch the field to Expression, type into the expression editor. Typing
	 * `{{ x }}` literally would not work: a resource locator's text box does not switch to an expression
	 * on `{{`, and the expression editor (CodeMirror) closes `{{` itself, so it gets `{{` and `x` only.
	 */
	async setResourceLocatorExpression(parameter: string, mode: string, expression: string): Promise<void> {
		const modeSelector = `${sel.param(parameter)} [data-test-id="rlc-mode-selector"]`;
		await this.page.click(modeSelector);
		const listId = await this.page.$eval(`${modeSelector} input`, (element) => element.getAttribute('aria-controls'));
		const item = await this.page.waitForSelector(`#${listId} [data-test-id="mode-${mode}"]`, { visible: true });
		await this.waitForStill(item!);
		await item!.click();
		await this.page.waitForSelector(`#${listId}`, { hidden: true });
		// The Fixed / Expression switch is shown while the pointer is over the parameter.
		await this.page.hover(sel.param(parameter));
		const toExpression = await this.page.waitForSelector(`${sel.paramOptions(parameter)} [data-test-id="radio-button-expression"]`, {
			visible: true,
		});
		await toExpression!.click();
		const editor = `${sel.param(parameter)} [data-test-id="inline-expression-editor-input"] .cm-content`;
		await this.page.waitForSelector(editor, { visible: true });
		await this.page.click(editor);
		// Typing replaces the selection. (Deleting everything first would turn the field back to Fixed:
		// n8n does that to an emptied expression.)
		await this.selectAll();
		await this.page.keyboard.type('{{');
		const closed = await this.page.$eval(editor, (element) => element.innerText.includes('}}'));
		await this.page.keyboard.type(closed ? expression : `${expression} }}`);
		// While the expression editor has the focus, its result popover covers the parameters below it:
		// a click on the (already active) Parameters tab takes the focus away.
		await this.page.click(sel.ndvParametersTab);
		await this.page.waitForSelector(`${sel.param(parameter)} .cm-focused`, { hidden: true });
	}

	/**
	 * Waits until the store holds `expected` for a parameter. Text fields commit after a debounce:
	 * running a node right after typing ran it with the value before the last keystrokes.
	 */
	async waitForParameter(nodeName: string, parameter: string, expected: unknown): Promise<void> {
		await this.page
			.waitForFunction(
				(name: string, key: string, want: string) => {
					const nodes = editorStores()?.documentStore?.allNodes as Array<{ name: string; parameters: Record<string, unknown> }> | undefined;
					const node = nodes?.find((n) => n.name === name);
					return node !== undefined && JSON.stringify(node.parameters[key]) === want;
				},
				{ timeout: this.timeout },
				nodeName,
				parameter,
				JSON.stringify(expected),
			)
			.catch(async () => {
				const node = await this.workflowNode(nodeName);
				throw new Error(
					`parameter "${parameter}" of "${nodeName}" is ${JSON.stringify(node.parameters[parameter])}, not ${JSON.stringify(expected)}`,
				);
			});
	}

	// -------------------------------------------------------------------------------------------------
	// Credentials

	/** Waits until n8n has loaded the credentials usable in the open workflow, and no reload is running. */
	async waitForCredentialList(): Promise<void> {
		await this.page.waitForFunction(
			() => {
				const root = document.querySelector('#app') as unknown as {
					__vue_app__?: { config: { globalProperties: { $pinia?: { _s: Map<string, PiniaStore> } } } };
				} | null;
				return root?.__vue_app__?.config.globalProperties.$pinia?._s.get('credentials')?.hasFetchedUsableCredentials === true;
			},
			{ timeout: this.timeout },
		);
		await this.waitForQuiet(this.pending.credentials, 'credential list');
	}

	/** The credential the open NDV's credential field shows (null when the node has no such field). */
	async shownCredential(): Promise<string | null> {
		return await this.page.evaluate((slot: string) => {
			const input = document.querySelector(slot)?.querySelector('input') as unknown as { value?: string } | null;
			return input ? (input.value ?? '') : null;
		}, sel.credentialSelect);
	}

	/**
	 * Opens the credential of the node whose NDV is open (the pencil next to it) and presses its test
	 * button. n8n 2.41 tests a saved credential as soon as its modal opens; the button is then the
	 * "Retry" of the result banner, and pressing it sends the test again.
	 */
	async testCredentialOfOpenNode(): Promise<CredentialTest> {
		await this.page.click(sel.credentialEdit);
		await this.page.waitForSelector(sel.credentialDialog, { visible: true });
		const firstBanner = await this.waitForVisible(`${sel.credentialSuccess}, ${sel.credentialFailure}`, this.timeout * 2);
		const tested = this.page.waitForResponse(
			(response) => response.url().includes('/rest/credentials/test') && response.request().method() === 'POST',
			{ timeout: this.timeout * 2 },
		);
		const retry = await firstBanner.$('button');
		if (!retry) throw new Error('the credential test banner has no button');
		await retry.click();
		const response = await tested;
		const body = (await response.json().catch(() => ({}))) as { data?: { status?: string; message?: string } };
		// The banner is re-rendered once the answer is in.
		const banner = await this.waitForVisible(`${sel.credentialSuccess}, ${sel.credentialFailure}`);
		const bannerInfo = await banner.evaluate((element) => ({
			failure: element.className.includes('el-tag--danger'),
			text: element.innerText.trim(),
		}));
		const result: CredentialTest = {
			status: body.data?.status ?? `HTTP ${response.status()}`,
			message: body.data?.message ?? '',
			banner: bannerInfo.failure ? 'failure' : 'success',
			bannerText: bannerInfo.text,
		};
		await this.closeCredentialModal();
		return result;
	}

	async closeCredentialModal(): Promise<void> {
		// Escape would close the NDV behind the modal as well: use the dialog's own close button.
		const close = await this.page.evaluateHandle((dialog: string) => {
			return document.querySelector(dialog)?.closest('.el-dialog')?.querySelector('.el-dialog__headerbtn') ?? null;
		}, sel.credentialDialog);
		const element = close.asElement() as ElementHandle | null;
		if (!element) throw new Error('the credential modal has no close button');
		await element.click();
		await this.page.waitForSelector(sel.credentialDialog, { hidden: true });
	}

	// -------------------------------------------------------------------------------------------------
	// Running

	/**
	 * Presses "Execute workflow" and waits until the run is over (the execution store's
	 * isWorkflowRunning, with a new execution id). Returns the status of every node that ran.
	 */
	async executeWorkflow(timeoutMs: number): Promise<Record<string, string>> {
		await this.closeNdv();
		const before = await this.page.evaluate(() => editorStores()?.executionStore?.displayedExecutionId ?? null);
		await this.page.click(sel.executeWorkflow);
		await this.page.waitForFunction(
			(previous: unknown) => {
				const store = editorStores()?.executionStore;
				return store !== undefined && store.isWorkflowRunning === false && store.displayedExecutionId != null && store.displayedExecutionId !== previous;
			},
			{ timeout: timeoutMs, polling: 200 },
			before,
		);
		return await this.page.evaluate(() => {
			const runData = (editorStores()?.executionStore?.activeExecutionRunData ?? {}) as Record<string, Array<{ executionStatus?: string; error?: unknown }>>;
			const statuses: Record<string, string> = {};
			for (const [name, runs] of Object.entries(runData)) {
				const last = runs[runs.length - 1];
				statuses[name] = last?.executionStatus ?? (last?.error ? 'error' : 'unknown');
			}
			return statuses;
		});
	}

	/**
	 * The items of the output panel of the open NDV, read from its JSON view (the display mode is
	 * remembered by the browser, so it is chosen every time).
	 */
	async outputItems(): Promise<Array<Record<string, unknown>>> {
		await this.page.waitForSelector(sel.outputData, { visible: true });
		const failed = await this.page.$(sel.outputError);
		if (failed) throw new Error(`the node failed: ${await failed.evaluate((e) => e.innerText.trim())}`);
		const jsonMode = await this.page.$(sel.outputJsonMode);
		if (jsonMode) await jsonMode.click();
		// The JSON view (vue-json-pretty) renders one token per element; its text is JSON with extra
		// line breaks between tokens.
		const text = await this.page.waitForFunction(
			(selector: string) => {
				const t = document.querySelector(selector)?.innerText.trim() ?? '';
				return t.startsWith('[') && t.endsWith(']') ? t : null;
			},
			{ timeout: this.timeout },
			sel.outputData,
		);
		const raw = (await text.jsonValue()) as string;
		try {
			return JSON.parse(raw.replace(/\n\s*/g, '')) as Array<Record<string, unknown>>;
		} catch {
			throw new Error(`the output panel's JSON view is not JSON: ${raw.slice(0, 500)}`);
		}
	}

	/** Presses a trigger's "Fetch Test Event" (the NDV's execute button) and returns what it output. */
	async fetchTestEvent(timeoutMs: number): Promise<Array<Record<string, unknown>>> {
		const button = await this.page.waitForSelector(sel.ndvExecute, { visible: true });
		const label = await button!.evaluate((e) => e.innerText.trim());
		if (!/fetch test event/i.test(label)) throw new Error(`the NDV's execute button says "${label}", not "Fetch Test Event"`);
		await button!.click();
		await this.waitForVisible(`${sel.outputSuccess}, ${sel.outputFailure}`, timeoutMs);
		return await this.outputItems();
	}

	/**
	 * A webhook trigger's "Listen for test event" (the NDV's execute button): clicks it, waits until n8n listens on the test URL, runs
	 * `push` (which sends the event there) and returns the items the NDV shows once the event came.
	 */
	async listenForTestEvent(push: () => Promise<void>, timeoutMs: number): Promise<Array<Record<string, unknown>>> {
		const button = await this.page.waitForSelector(sel.ndvExecute, { visible: true });
		const label = await button!.evaluate((e) => e.innerText.trim());
		// n8n 2.41.1 labels it "Execute step" for a community webhook trigger; n8n's own say "Listen for test event".
		if (!/listen for test event|execute step/i.test(label)) throw new Error(`the NDV's execute button says "${label}"`);
		await button!.click();
		await this.waitForVisible(sel.ndvListening, timeoutMs);
		await push();
		await this.waitForVisible(`${sel.outputSuccess}, ${sel.outputFailure}`, timeoutMs);
		return await this.outputItems();
	}

	// -------------------------------------------------------------------------------------------------
	// Toasts, screenshots

	/** Every toast shown since the page loaded (or since clearToasts). */
	async toasts(): Promise<Toast[]> {
		return await this.page.evaluate(() => (window.__smsToasts ?? []).slice());
	}

	async errorToasts(): Promise<Toast[]> {
		return (await this.toasts()).filter((t) => t.type === 'error');
	}

	/** Forgets recorded toasts and closes the ones on screen. */
	async clearToasts(): Promise<void> {
		await this.page.evaluate((closeSelector: string) => {
			window.__smsToasts?.splice(0);
			Array.from(document.querySelectorAll(closeSelector)).forEach((button) => button.click());
		}, sel.toastClose);
	}

	/** Closes the toasts on screen (they stay recorded), e.g. before a screenshot for the docs. */
	async dismissToasts(): Promise<void> {
		await this.page.evaluate((closeSelector: string) => {
			Array.from(document.querySelectorAll(closeSelector)).forEach((button) => button.click());
		}, sel.toastClose);
		await this.page.waitForFunction(
			() => Array.from(document.querySelectorAll('.el-notification')).every((e) => e.getBoundingClientRect().height === 0),
			{ timeout: this.timeout },
		);
	}

	async screenshot(file: string): Promise<string> {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.page.screenshot({ path: file as `${string}.png` });
		return file;
	}

	// -------------------------------------------------------------------------------------------------

	/**
	 * The first visible element matching `selector`. page.waitForSelector(…, { visible }) waits for the
	 * first match to become visible, and n8n keeps hidden (v-show) copies of banners in the DOM.
	 */
	private async waitForVisible(selector: string, timeout = this.timeout): Promise<ElementHandle> {
		const handle = await this.page
			.waitForFunction(
				(s: string) =>
					Array.from(document.querySelectorAll(s)).find((element) => {
						const box = element.getBoundingClientRect();
						return box.width > 0 && box.height > 0;
					}) ?? null,
				{ timeout },
				selector,
			)
			.catch((error: unknown) => {
				throw new Error(`nothing visible matches ${selector} after ${timeout} ms (${String(error)})`);
			});
		return handle.asElement() as ElementHandle;
	}

	/** Clicks the visible button inside `container` whose text is `text`. */
	private async clickButton(container: string, text: string): Promise<void> {
		const button = await this.page.waitForFunction(
			(box: string, label: string) =>
				Array.from(document.querySelectorAll(`${box} button`)).find(
					(b) => b.innerText.trim() === label && b.getBoundingClientRect().height > 0,
				) ?? null,
			{ timeout: this.timeout },
			container,
			text,
		);
		await (button.asElement() as ElementHandle).click();
	}

	private async isVisible(selector: string): Promise<boolean> {
		const handle = await this.page.$(selector);
		return (await handle?.isVisible()) ?? false;
	}

	private async selectAll(): Promise<void> {
		await this.page.keyboard.down('Control');
		await this.page.keyboard.press('KeyA');
		await this.page.keyboard.up('Control');
	}

	private async selectAllAndDelete(): Promise<void> {
		await this.selectAll();
		await this.page.keyboard.press('Backspace');
	}
}

/** In the panel a trigger `xTrigger` is listed under its node `x`'s entry, when there is one. */
export function entryTypesOf(nodeType: string): string[] {
	return nodeType.endsWith('Trigger') ? [nodeType, nodeType.slice(0, -'Trigger'.length)] : [nodeType, `${nodeType}Trigger`];
}

function describe(items: PanelItem[]): string {
	return items.map((i) => `${i.title} (${i.kind} ${i.nodeType})`).join('; ') || 'nothing';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The page-side store helper `instrument` defines on every page; declared for the functions passed to evaluate.
declare function editorStores(): { id: string; documentStore?: PiniaStore; executionStore?: PiniaStore } | undefined;
