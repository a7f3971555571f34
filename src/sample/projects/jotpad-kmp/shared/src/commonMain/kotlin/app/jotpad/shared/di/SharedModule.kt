package app.jotpad.shared.di

import app.jotpad.shared.data.NoteDataSource
import app.jotpad.shared.data.NoteRepositoryImpl
import app.jotpad.shared.data.SqlNoteDataSource
import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.domain.usecase.ArchiveNoteUseCase
import app.jotpad.shared.domain.usecase.DeleteNoteUseCase
import app.jotpad.shared.domain.usecase.GetNotesUseCase
import app.jotpad.shared.domain.usecase.SaveNoteUseCase
import app.jotpad.shared.domain.usecase.TogglePinUseCase
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.presentation.NoteEditorViewModel
import app.jotpad.shared.presentation.NotesListViewModel
import kotlinx.datetime.Clock
import org.koin.core.module.Module
import org.koin.core.module.dsl.viewModel
import org.koin.dsl.module
import kotlin.uuid.ExperimentalUuidApi
import kotlin.uuid.Uuid

/** Current wall clock time in epoch milliseconds. */
fun epochMillis(): Long = Clock.System.now().toEpochMilliseconds()

/** Creates a random, URL safe note id. */
@OptIn(ExperimentalUuidApi::class)
fun newNoteId(): NoteId = NoteId(Uuid.random().toHexString())

/**
 * Koin bindings shared by every app target.
 *
 * The platform must additionally provide a
 * [app.jotpad.shared.platform.DatabaseDriverFactory] (see `platformModule` in
 * each app entry point).
 */
val sharedModule: Module = module {
    single<NoteDataSource> { SqlNoteDataSource(driverFactory = get()) }
    single<NoteRepository> { NoteRepositoryImpl(dataSource = get()) }

    factory { GetNotesUseCase(get()) }
    factory { TogglePinUseCase(get(), clock = ::epochMillis) }
    factory { ArchiveNoteUseCase(get(), clock = ::epochMillis) }
    factory { DeleteNoteUseCase(get()) }
    factory { SaveNoteUseCase(get(), idFactory = ::newNoteId, clock = ::epochMillis) }

    viewModel {
        NotesListViewModel(
            getNotes = get(),
            togglePin = get(),
            archiveNote = get(),
            deleteNote = get(),
            repository = get(),
        )
    }
    viewModel { params ->
        NoteEditorViewModel(
            noteId = params.getOrNull<String>()?.let(::NoteId),
            repository = get(),
            saveNote = get(),
        )
    }
}
