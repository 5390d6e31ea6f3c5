import { type Incident, parseIncident } from '@fairpost/core/incident';

// Incidents kept in this browser's IndexedDB, one record per incident keyed by its id. Nothing leaves the browser
// unless the safety lead exports it. Each incident is checked (parseIncident replays it) when read back, so a record
// edited into an inconsistent state is skipped, not shown.

const DATABASE = 'fairpost-intranet';
const STORE = 'incidents';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE))
        request.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDatabase().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = act(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        transaction.onerror = () => {
          db.close();
          reject(transaction.error);
        };
      }),
  );
}

/** Every incident stored in this browser that still reads back as a valid incident, newest report first. */
export async function listIncidents(): Promise<Incident[]> {
  const all = await run('readonly', (store) => store.getAll());
  return all
    .map((record: unknown) => parseIncident(record))
    .flatMap((parsed) => (parsed.ok ? [parsed.incident] : []))
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

/** Stores an incident (replacing the stored one with the same id: events only ever append). */
export async function saveIncident(incident: Incident): Promise<void> {
  await run('readwrite', (store) => store.put(JSON.parse(JSON.stringify(incident))));
}
